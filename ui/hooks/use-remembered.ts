// useState whose value outlives the component while the panel is open: the stage shown in the
// grid, the curve being edited, the open sections stay as they were after a visit to another tab.
import { useState } from 'preact/hooks';

const memory = new Map<string, unknown>();

export function useRemembered<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  return [
    value,
    (v: T) => {
      memory.set(key, v);
      setValue(v);
    },
  ];
}
