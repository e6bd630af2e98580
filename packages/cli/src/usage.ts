// The message of a usage error, as the dispatcher prints it after "lninvoice <command>: ".
// No imports: main.cjs reads this at every start.

/**
 * What parseArgs says of an option it cannot read (ERR_PARSE_ARGS_…: an unknown option, a
 * missing value), said in one short line naming the option; any other message as it is.
 */
export const usageMessage = (error: Error): string => {
  const { code } = error as { code?: unknown };
  const { message } = error;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /^Unknown option '(.*?)'(?:\. To specify|$)/s.exec(message)?.[1];
    if (option !== undefined) return `unknown option ${option}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '--network <value>' argument missing", "Option '-h, --help' does not take an argument"
    const match =
      /^Option '(?:-\w, )?(.*?)(?: <value>)?' (argument missing|does not take an argument)$/s.exec(
        message,
      );
    if (match)
      return `${match[1]} ${match[2] === 'argument missing' ? 'needs a value' : 'takes no value'}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /^Unexpected argument '(.*)'\. This command/s.exec(message)?.[1];
    if (argument !== undefined)
      return `unexpected argument ${JSON.stringify(argument)}: this command takes options only`;
  }
  return message;
};
