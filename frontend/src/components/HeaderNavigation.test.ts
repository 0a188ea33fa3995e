import { describe, expect, it } from 'vitest';
import { itemsThatFit } from './HeaderNavigation';

describe('itemsThatFit', () => {
  const rights = [80, 180, 300, 420, 600, 760, 880];

  it('keeps every item on the line when the last one ends inside it, without a More button', () => {
    expect(itemsThatFit(rights, 880, 90)).toBe(7);
    expect(itemsThatFit(rights, 1200, 90)).toBe(7);
  });

  it('leaves room for the More button when some items must move into it', () => {
    // 879 px: the last item no longer fits; six do, with the 90 px button after them.
    expect(itemsThatFit(rights, 879, 90)).toBe(6);
    // 849 px: 760 + 90 is one too many, so the sixth moves too.
    expect(itemsThatFit(rights, 849, 90)).toBe(5);
    expect(itemsThatFit(rights, 689, 90)).toBe(4);
    expect(itemsThatFit(rights, 100, 90)).toBe(0);
  });

  it('has nothing to fit for no items', () => {
    expect(itemsThatFit([], 500, 90)).toBe(0);
  });
});
