// Is plugin data (private and shared) copied by clone(), on the node and on its children? The
// emulator copies it; the docs do not say (https://developers.figma.com/docs/plugins/api/properties/nodes-setplugindata).
import type { CheckEnv, CheckOutcome } from '../check';
import { defineCheck } from '../check';
import { NOT_CHECKABLE } from '../../../shared/selfcheck/report';

const KEY = 'jmCheck';
const NAMESPACE = 'jmcheck';

async function cloneProbe({ figma, scratch, root }: CheckEnv, shared: boolean): Promise<Omit<CheckOutcome, 'id' | 'label'>> {
  const parent = scratch.track(figma.createFrame());
  root.appendChild(parent);
  const child = scratch.track(figma.createRectangle());
  parent.appendChild(child);
  const set = (n: BaseNode, v: string) => (shared ? n.setSharedPluginData(NAMESPACE, KEY, v) : n.setPluginData(KEY, v));
  const get = (n: BaseNode) => (shared ? n.getSharedPluginData(NAMESPACE, KEY) : n.getPluginData(KEY));
  set(parent, 'parent');
  set(child, 'child');
  const copy = scratch.track(parent.clone());
  root.appendChild(copy);
  const copyChild = copy.children[0];
  const onNode = get(copy);
  const onChild = copyChild ? get(copyChild) : '(no child)';
  const copied = onNode === 'parent' && onChild === 'child';
  const dropped = onNode === '' && onChild === '';
  const state = copied ? 'copied' : dropped ? 'dropped' : null;
  return {
    pass: copied,
    observed: `clone's ${shared ? 'shared ' : ''}plugin data: node ${JSON.stringify(onNode)}, child ${JSON.stringify(onChild)} (set: "parent", "child")`,
    found: shared ? { sharedPluginDataOnClone: state } : { pluginDataOnClone: state },
  };
}

export const pluginDataOnClone = defineCheck('pluginDataOnClone', 'Plugin data is copied by clone()', (env) => cloneProbe(env, false));
export const sharedPluginDataOnClone = defineCheck('sharedPluginDataOnClone', 'Shared plugin data is copied by clone()', (env) => cloneProbe(env, true));

/** A user's duplicate (Cmd/Ctrl+D), copy and paste, or cut and paste: no plugin API does these. */
export const pluginDataOnUserDuplicate = defineCheck('pluginDataOnUserDuplicate', "Plugin data on a user's duplicate or paste", async () => ({
  pass: true,
  observed: `${NOT_CHECKABLE}: duplicating (Cmd/Ctrl+D), copy and paste and cut and paste are user actions with no Plugin API; check by hand: duplicate a drawn map (and paste one into another file), select the copy and run Journey Mapper: the panel names the selected map only when its plugin data came along`,
}));
