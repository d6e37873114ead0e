// The custom_id of a button or menu, built and read in one place per feature. Its first part is the command that
// owns it (the router sends the click there), the second says what kind of control it is, the rest are its fields:
// `quiz:board:2`. Nothing secret goes in one: Discord shows it to the client.

type FieldKind = 'id' | 'int';
type Decoded<S extends Record<string, FieldKind>> = { [K in keyof S]: S[K] extends 'int' ? number : string };

export interface CustomIdCodec<T> {
  /** The command whose handler receives the click. */
  readonly command: string;
  encode(value: T): string;
  /** The fields, or undefined when the id is of another kind or malformed. */
  decode(customId: string): T | undefined;
}

/** Discord's limit on a custom_id. */
const maxLength = 100;
const idField = /^[\w-]{1,64}$/;
const intField = /^(0|[1-9]\d{0,8})$/;

export function customIdCodec<const S extends Record<string, FieldKind>>(
  command: string,
  kind: string,
  shape: S,
): CustomIdCodec<Decoded<S>> {
  const names = Object.keys(shape) as (keyof S & string)[];
  const prefix = `${command}:${kind}`;
  return {
    command,
    encode(value) {
      const parts = names.map((name) => {
        const field = String(value[name]);
        const ok = shape[name] === 'int' ? intField.test(field) : idField.test(field);
        if (!ok) throw new Error(`custom_id ${prefix}: field ${name} cannot hold ${JSON.stringify(field)}`);
        return field;
      });
      const id = [prefix, ...parts].join(':');
      if (id.length > maxLength) throw new Error(`custom_id ${prefix} is longer than ${maxLength} characters`);
      return id;
    },
    decode(customId) {
      const parts = customId.split(':');
      if (parts.length !== names.length + 2 || `${parts[0]}:${parts[1]}` !== prefix) return undefined;
      const out: Record<string, string | number> = {};
      for (const [index, name] of names.entries()) {
        const field = parts[index + 2]!;
        if (shape[name] === 'int') {
          if (!intField.test(field)) return undefined;
          out[name] = Number(field);
        } else {
          if (!idField.test(field)) return undefined;
          out[name] = field;
        }
      }
      return out as Decoded<S>;
    },
  };
}

/** The command a custom_id belongs to. */
export function commandOfCustomId(customId: string): string {
  return customId.split(':', 1)[0]!;
}
