import {
  activeStatements,
  addStatement,
  defaultStatementList,
  moveStatement,
  retireStatement,
  rewordStatement,
  MAX_ACTIVE_STATEMENTS,
  STATEMENT_MAX_LENGTH,
  type ListChange,
  type StatementList,
} from '../../../src/domain/kijkwijzer/statementList';
import { nlKijkwijzer } from '../../../src/texts/nlKijkwijzer';

function ok(change: ListChange): StatementList {
  if (!change.ok) throw new Error(`expected a change, got ${change.problem}`);
  return change.list;
}

describe('the school’s statement list', () => {
  const list = defaultStatementList(['Een', 'Twee', 'Drie']);

  it('starts as version 1 with the default wording and ids k1..kn', () => {
    expect(list).toEqual({ version: 1, statements: [{ id: 'k1', text: 'Een' }, { id: 'k2', text: 'Twee' }, { id: 'k3', text: 'Drie' }], nextNumber: 4 });
  });

  it('the default Kijkwijzer SVIB holds the statements of the domain brief, in Dutch', () => {
    const defaults = defaultStatementList(nlKijkwijzer.defaultStatements);
    expect(defaults.statements).toHaveLength(6);
    expect(defaults.statements.map((s) => s.text).join(' ')).toMatch(/SVIB'er.*inductieplan.*verbeterthema.*visiedocument.*geëvalueerd.*opname/s);
  });

  it('adds a statement at the end with a new id and a new version, trimming white space', () => {
    const added = ok(addStatement(list, '  Nieuwe   stelling '));
    expect(added.version).toBe(2);
    expect(added.statements.at(-1)).toEqual({ id: 'k4', text: 'Nieuwe stelling' });
    expect(added.nextNumber).toBe(5);
    expect(list.statements).toHaveLength(3);
  });

  it('refuses an empty, non-text or too long statement', () => {
    expect(addStatement(list, '   ')).toEqual({ ok: false, problem: 'empty' });
    expect(addStatement(list, 42)).toEqual({ ok: false, problem: 'empty' });
    expect(addStatement(list, 'x'.repeat(STATEMENT_MAX_LENGTH + 1))).toEqual({ ok: false, problem: 'too-long' });
    expect(addStatement(list, 'x'.repeat(STATEMENT_MAX_LENGTH)).ok).toBe(true);
  });

  it('rewords keeping the id and the place', () => {
    const reworded = ok(rewordStatement(list, 'k2', 'Twee, anders gezegd'));
    expect(reworded.statements[1]).toEqual({ id: 'k2', text: 'Twee, anders gezegd' });
    expect(reworded.version).toBe(2);
    expect(rewordStatement(list, 'k2', 'Twee')).toEqual({ ok: false, problem: 'unchanged' });
    expect(rewordStatement(list, 'k9', 'x')).toEqual({ ok: false, problem: 'unknown-statement' });
    expect(rewordStatement(list, 'k2', '')).toEqual({ ok: false, problem: 'empty' });
  });

  it('moves up and down among active statements, not past the ends', () => {
    expect(ok(moveStatement(list, 'k2', 'up')).statements.map((s) => s.id)).toEqual(['k2', 'k1', 'k3']);
    expect(ok(moveStatement(list, 'k2', 'down')).statements.map((s) => s.id)).toEqual(['k1', 'k3', 'k2']);
    expect(moveStatement(list, 'k1', 'up')).toEqual({ ok: false, problem: 'cannot-move' });
    expect(moveStatement(list, 'k3', 'down')).toEqual({ ok: false, problem: 'cannot-move' });
  });

  it('retires a statement: no longer active, id never reused, and it cannot be changed again', () => {
    const retired = ok(retireStatement(list, 'k2'));
    expect(activeStatements(retired).map((s) => s.id)).toEqual(['k1', 'k3']);
    expect(retired.statements.find((s) => s.id === 'k2')).toEqual({ id: 'k2', text: 'Twee', retired: true });
    expect(ok(addStatement(retired, 'Vier')).statements.at(-1)!.id).toBe('k4');
    expect(rewordStatement(retired, 'k2', 'x')).toEqual({ ok: false, problem: 'retired' });
    expect(retireStatement(retired, 'k2')).toEqual({ ok: false, problem: 'retired' });
    expect(moveStatement(retired, 'k3', 'up').ok && ok(moveStatement(retired, 'k3', 'up')).statements.map((s) => s.id)).toEqual(['k3', 'k1', 'k2']);
  });

  it('holds at most thirty active statements; a retired one makes room', () => {
    const full = defaultStatementList(Array.from({ length: MAX_ACTIVE_STATEMENTS }, (_, i) => `S${i}`));
    expect(addStatement(full, 'Nog een')).toEqual({ ok: false, problem: 'too-many' });
    expect(addStatement(ok(retireStatement(full, 'k1')), 'Nog een').ok).toBe(true);
  });

  it('keeps at least one active statement', () => {
    const one = ok(retireStatement(ok(retireStatement(list, 'k1')), 'k2'));
    expect(retireStatement(one, 'k3')).toEqual({ ok: false, problem: 'last-statement' });
  });
});
