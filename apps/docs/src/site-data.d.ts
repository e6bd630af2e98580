// Data the build reads from the repository (see build/site-plugin.ts).
declare module 'virtual:site-data' {
  const data: {
    /** code → meaning, from the tables of codes in each package's README. */
    readonly codeMeanings: Readonly<
      Record<
        'core' | 'bolt12' | 'validate' | 'lnurl' | 'uri' | 'l402' | 'bip353',
        Readonly<Record<string, string>>
      >
    >;
    /** The BOLT 11 spec examples. */
    readonly invoiceSamples: {
      readonly valid: readonly import('../build/samples').InvoiceSample[];
      readonly invalid: readonly import('../build/samples').InvoiceSample[];
    };
    /** The BOLT 12 spec examples, and an invoice made with the builders, in menu groups. */
    readonly bolt12Samples: readonly import('../build/bolt12-samples').Bolt12SampleGroup[];
  };
  export default data;
}
