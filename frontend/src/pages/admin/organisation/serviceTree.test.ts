import { describe, expect, it } from 'vitest';
import type { Service } from '../../../api/types';
import { buildServiceTree } from './serviceTree';

function service(id: string, name: string, parent_id: string | null = null): Service {
  return {
    id,
    name,
    parent_id,
    organisation_id: 'org',
    name_cy: null,
    kind: 'other',
    code: null,
    is_active: true,
    version: 1,
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
  };
}

type Shape = { name: string; children: Shape[] };
const shape = (nodes: ReturnType<typeof buildServiceTree>): Shape[] =>
  nodes.map((n) => ({ name: n.service.name, children: shape(n.children) }));

describe('buildServiceTree', () => {
  it('nests services under their parents, sorted by name', () => {
    const tree = buildServiceTree([
      service('w', 'Ward 2', 'h'),
      service('h', 'Hospital'),
      service('c', 'CMHT North'),
      service('v', 'Ward 1', 'h'),
      service('d', 'Day unit', 'v'),
    ]);
    expect(shape(tree)).toEqual([
      { name: 'CMHT North', children: [] },
      {
        name: 'Hospital',
        children: [
          { name: 'Ward 1', children: [{ name: 'Day unit', children: [] }] },
          { name: 'Ward 2', children: [] },
        ],
      },
    ]);
  });

  it('puts a service whose parent is not in the list at the top level', () => {
    expect(shape(buildServiceTree([service('a', 'Orphan', 'gone')]))).toEqual([{ name: 'Orphan', children: [] }]);
  });
});
