import { fromChunks, toChunks } from '../../../src/storage/deliveries/chunkedJson';

describe('a delivery spread over table properties', () => {
  it('comes back whole, small or larger than one property holds', () => {
    const small = { id: 'a', text: 'hallo' };
    expect(fromChunks(toChunks(small))).toEqual(small);
    const large = { card: 'x'.repeat(75_000), body: ['ë', 'ß'] };
    const properties = toChunks(large);
    expect(properties.chunks).toBe(3);
    expect(Object.values(properties).every((value) => typeof value === 'number' || value.length <= 30_000)).toBe(true);
    expect(fromChunks(properties)).toEqual(large);
  });
});
