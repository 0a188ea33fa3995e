import type { Service } from '../../../api/types';

export interface TreeNode {
  service: Service;
  children: TreeNode[];
}

/** Arrange services under their parents; a service whose parent is missing sits at the top. */
export function buildServiceTree(services: Service[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const service of services) nodes.set(service.id, { service, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.service.parent_id;
    const parent = parentId && parentId !== node.service.id ? nodes.get(parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: TreeNode, b: TreeNode) => a.service.name.localeCompare(b.service.name);
  const sortAll = (list: TreeNode[]) => {
    list.sort(byName);
    list.forEach((node) => sortAll(node.children));
  };
  sortAll(roots);
  return roots;
}

/** The services a service may sit under: not itself, nor one of its own descendants. */
export function possibleParents(service: Service, services: Service[]): Service[] {
  const descendants = new Set<string>([service.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const other of services) {
      if (other.parent_id && descendants.has(other.parent_id) && !descendants.has(other.id)) {
        descendants.add(other.id);
        grew = true;
      }
    }
  }
  return services.filter((other) => !descendants.has(other.id));
}
