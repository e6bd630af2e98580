// Every failure is a UriError with a stable code and the span of the input at fault.
import { parseUri, UriError } from '@lninvoice/uri';

export default () => {
  const text = 'bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.001&amount=0.002';
  try {
    return parseUri(text);
  } catch (error) {
    if (!(error instanceof UriError)) throw error;
    const [start, end] = error.span ?? [0, 0];
    return { code: error.code, message: error.message, atFault: text.slice(start, end) };
  }
};
