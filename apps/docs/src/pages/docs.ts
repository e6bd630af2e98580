// Script of the docs pages: their HTML is rendered at build time; this adds the runnable examples.
import '../styles/site.css';
import { examplesOf } from '../examples/registry';
import { exampleView } from './examples-view';

for (const container of document.querySelectorAll<HTMLElement>('[data-examples]')) {
  const examples = examplesOf(container.dataset.examples ?? '');
  if (examples.length === 0) throw new Error(`no examples in group ${container.dataset.examples}`);
  container.replaceChildren(...examples.map(exampleView));
}
