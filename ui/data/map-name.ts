// Every drawn map's layer is named "Journey map: <title>" (shared/layout). The panel names a map
// by its title alone: the prefix says nothing in a panel that only deals with journey maps.
export function mapName(nodeName: string): string {
  return nodeName.replace(/^\s*journey map:\s*/i, '').trim() || nodeName;
}
