import { blockId, blockLength, formatSize, linkScope, withQuery } from '../../../src/web/uploadBlocks';

describe('the upload page helpers', () => {
  it('names blocks with ids of one length, in order', () => {
    expect(atob(blockId(0))).toBe('block-000001');
    expect(atob(blockId(41))).toBe('block-000042');
    expect(new Set([0, 9, 99, 999].map((i) => blockId(i).length)).size).toBe(1);
  });

  it('gives every block the block size except a shorter last one', () => {
    expect(blockLength(0, 4, 10)).toBe(4);
    expect(blockLength(2, 4, 10)).toBe(2);
  });

  it('adds a query to an address with or without one', () => {
    expect(withQuery('https://x/blob?sv=1', 'comp=block')).toBe('https://x/blob?sv=1&comp=block');
    expect(withQuery('https://x/blob', 'comp=block')).toBe('https://x/blob?comp=block');
  });

  it('shows sizes in MB, and in GB with a decimal comma', () => {
    expect(formatSize(1)).toBe('1 MB');
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatSize(1.5 * 1024 * 1024 * 1024)).toBe('1,5 GB');
  });

  it('keeps an upload under the link claims (subject and user), never under a token it cannot read', () => {
    const claims = Buffer.from(JSON.stringify({ p: 'upload', s: 'trajectory-1|2', u: 'user-1' })).toString('base64url');
    expect(linkScope(`${claims}.signature`)).toBe('trajectory-1|2|user-1');
    expect(linkScope('not a token')).toBeNull();
    expect(linkScope(`${Buffer.from('{"s":1}').toString('base64url')}.x`)).toBeNull();
  });
});
