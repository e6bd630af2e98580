// The public API of the built package — exports map, runtime exports with their typeof, exported
// types with their kind and shape — is what test/__snapshots__/api.test.ts.snap says. A change
// fails here; when it is intended, update the snapshot (vitest run -u) and add a changeset.
import { publicApi } from 'test-support/api';
import { expect, it } from 'vitest';

it('is the public API of the snapshot', async () => {
  expect(await publicApi(new URL('..', import.meta.url).pathname)).toMatchSnapshot();
});
