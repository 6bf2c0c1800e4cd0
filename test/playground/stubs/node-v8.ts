// Browser stand-in for node:v8. The emulator only uses serialize() to measure clientStorage
// values against the 5 MB quota; the UTF-8 length of their JSON is a close enough measure here.
export function serialize(value: unknown): Uint8Array {
  let json: string;
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    json = String(value);
  }
  return new TextEncoder().encode(json);
}
