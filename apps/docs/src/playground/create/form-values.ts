// Values read from the create forms, checked where a person typed them: the libraries check the
// rest and name their parameter.

/** A field's text, trimmed. */
export const formText = (data: FormData, name: string): string =>
  String(data.get(name) ?? '').trim();

/** A whole number from a form field, or undefined when empty; anything else is refused by name. */
export const wholeNumber = (data: FormData, name: string, label: string): bigint | undefined => {
  const value = formText(data, name);
  if (value === '') return undefined;
  if (!/^\d+$/.test(value))
    throw new RangeError(`${label} must be a whole number, got ${JSON.stringify(value)}`);
  return BigInt(value);
};
