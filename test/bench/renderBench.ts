import { performance } from 'node:perf_hooks';
import { parseJson } from '../../server/src/service/json/parse';
import { locatePaths } from '../../server/src/service/json/locate';
import { buildModel } from '../../server/src/service/model';
import { isLargeMeet, renderCompetition, renderSection } from '../../server/src/service/render/preview';
import { renderPage } from '../../server/src/service/render/page';

/**
 * What the preview costs on a meet: the page the server sends after an edit (parse, model, render,
 * locate the rows), the largest event opened on demand, and the whole static page of `opentrack render`.
 */
export function measureRender(text: string): string {
  const time = <T>(work: () => T): [T, number] => {
    const start = performance.now();
    const result = work();
    return [result, performance.now() - start];
  };
  renderPage(buildModel(parseJson(text).value)); // warm-up
  const [page, pageMs] = time(() => {
    const model = buildModel(parseJson(text).value);
    const rendered = renderCompetition(model, { lazy: isLargeMeet(model) });
    locatePaths(text, rendered.rows);
    return { model, rendered };
  });
  const largest = page.model.events.reduce((best, event) => (JSON.stringify(event.value).length > JSON.stringify(best.value).length ? event : best));
  const [section, sectionMs] = time(() => {
    const rendered = renderSection(page.model, `event:${largest.index}`)!;
    locatePaths(text, rendered.rows);
    return rendered;
  });
  const [html, staticMs] = time(() => renderPage(page.model));
  const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
  return (
    `preview page ${pageMs.toFixed(0)} ms (${kib(page.rendered.html.length)}, ${isLargeMeet(page.model) ? 'sections on demand' : 'all sections'}), ` +
    `largest event ${sectionMs.toFixed(0)} ms (${section.rows.length} rows), static page ${staticMs.toFixed(0)} ms (${kib(html.length)})`
  );
}
