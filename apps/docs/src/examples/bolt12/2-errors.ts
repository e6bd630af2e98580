// Every refusal is a Bolt12Error with a stable code, the spec name of the field at fault and
// the span of the characters that hold it: here an amount with no description.
import { Bolt12Error, decodeOffer } from '@lninvoice/bolt12';

export default () => {
  const text = 'lno1pqpzwyqkyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg';
  try {
    decodeOffer(text);
    return 'decoded';
  } catch (error) {
    if (!(error instanceof Bolt12Error)) throw error;
    const [start, end] = error.span ?? [0, 0];
    return {
      code: error.code,
      field: error.field,
      message: error.message,
      span: error.span,
      atFault: text.slice(start, end),
    };
  }
};
