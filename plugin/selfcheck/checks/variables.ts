// How many modes one variable collection may have on this file's plan: the check creates a
// collection, adds modes until Figma refuses (or MAX), and removes the collection. Informational:
// the plugin uses no variables yet and the emulator has none, so it passes whenever it can run.
import { defineCheck, errorText } from '../check';
import { NOT_AVAILABLE } from '../../../shared/selfcheck/report';

const MAX = 40;

export const variableModes = defineCheck('variableModes', 'Variable collections: how many modes this plan allows (addMode)', async ({ figma, scratch }) => {
  let collection: VariableCollection;
  try {
    collection = figma.variables.createVariableCollection('Journey Mapper check (temporary)');
  } catch (e) {
    return { pass: true, observed: `${NOT_AVAILABLE}: ${errorText(e)}`, found: { variableModesAllowed: null } };
  }
  scratch.onDispose(() => collection.remove());
  let refused = '';
  for (let i = collection.modes.length; i < MAX && !refused; i++) {
    try {
      collection.addMode(`Mode ${i + 1}`);
    } catch (e) {
      refused = errorText(e);
    }
  }
  const count = collection.modes.length;
  return {
    pass: true,
    observed: refused ? `${count} mode(s); the next addMode was refused: ${refused}` : `${count} modes, all accepted (stopped at ${MAX})`,
    found: { variableModesAllowed: count },
  };
});
