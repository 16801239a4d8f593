import { intakeErrorCodes, intakeFields } from '../../../src/domain/trajectories/intakeForm';
import { nextStepCodes } from '../../../src/domain/trajectories/nextStep';
import { refusalReasons, timelineEventKinds } from '../../../src/domain/trajectories/trajectory';
import { fillIn } from '../../../src/texts/fillIn';
import { intakeErrorText, nextStepText, nlTrajectories, phaseLabel, timelineText } from '../../../src/texts/nlTrajectories';

describe('nlTrajectories', () => {
  it.each(refusalReasons)('has a Dutch sentence for the refusal %s', (reason) => {
    expect(nlTrajectories.refusal[reason]).toMatch(/^[A-Z].+\.$/);
  });

  it.each(intakeErrorCodes)('has a Dutch sentence for the intake error %s', (code) => {
    expect(nlTrajectories.intakeForm.fieldError[code]).toMatch(/^[A-Z].+\.$/);
  });

  it.each(intakeFields)('has a label for the intake field %s', (field) => {
    expect(nlTrajectories.intakeForm.fieldLabel[field].length).toBeGreaterThan(5);
  });

  it.each(nextStepCodes)('tells teacher and SVIB\u2019er the next step %s without leftover placeholders', (code) => {
    for (const reader of ['teacher', 'svibber'] as const) {
      expect(nextStepText({ code, waitingFor: 'svibber', cycle: 2 }, reader)).not.toMatch(/[{}]/);
    }
  });

  it.each(timelineEventKinds)('describes the timeline event %s', (what) => {
    const text = timelineText({ what, by: { userId: 'u', name: 'Sanne' }, at: new Date(0), to: { userId: 'v', name: 'Sara' }, cycle: 2, cycles: 4 });
    expect(text).not.toMatch(/[{}]/);
  });

  it.each([
    [{ kind: 'voorgesteld' } as const, 'Voorgesteld'],
    [{ kind: 'aangevraagd' } as const, 'Aangevraagd'],
    [{ kind: 'toegewezen' } as const, 'Toegewezen'],
    [{ kind: 'intake' } as const, 'Intakegesprek'],
    [{ kind: 'opname', cycle: 2 } as const, 'Opname 2'],
    [{ kind: 'nagesprek', cycle: 2 } as const, 'Nagesprek 2'],
    [{ kind: 'nagesprek', cycle: 3 } as const, 'Eindgesprek'],
    [{ kind: 'afgesloten' } as const, 'Afgesloten'],
    [{ kind: 'geannuleerd', by: 'teacher' } as const, 'Geannuleerd'],
  ])('names the phase %o of a three-cycle trajectory %s', (phase, label) => {
    expect(phaseLabel(phase, 3)).toBe(label);
  });

  it('fills in the texts', () => {
    expect(nextStepText({ code: 'hold-after-talk', waitingFor: 'svibber', cycle: 2 }, 'svibber')).toBe('Analyseer opname 2 en houd nagesprek 2.');
    expect(nextStepText({ code: 'make-recording', waitingFor: 'svibber', cycle: 1 }, 'teacher')).toBe(
      'Opname 1: je begeleider filmt een paar minuten van je les.',
    );
    expect(timelineText({ what: 'handedOver', by: { userId: 'a', name: 'Sanne' }, to: { userId: 'b', name: 'Sara' }, at: new Date(0) })).toBe(
      'Sanne heeft het traject overgedragen aan Sara.',
    );
    expect(fillIn('{a} en {b}', { a: 1 })).toBe('1 en {b}');
  });

  it('uses a precise word for a field where it has one, and the general one otherwise', () => {
    expect(intakeErrorText('focus', 'required')).toBe('Kies minstens één punt om naar te kijken.');
    expect(intakeErrorText('group', 'required')).toBe('Vul dit nog in.');
    expect(intakeErrorText('whatHappens', 'too-short')).toBe('Vertel er iets meer over: minstens 10 tekens.');
  });

  it('labels the choices of the intake card', () => {
    expect(nlTrajectories.intakeForm.choices.helpQuestionKind).toEqual({
      pupil: 'Eén leerling',
      group: 'De groep',
      starter: 'Startende leerkracht',
      didactics: 'Didactiek of een nieuwe methode',
      leadership: 'Begeleiding van MT, directie of coördinator',
      other: 'Anders',
    });
    expect(Object.keys(nlTrajectories.intakeForm.choices.day)).toEqual(['ma', 'di', 'wo', 'do', 'vr']);
  });
});
