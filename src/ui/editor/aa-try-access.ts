/**
 * `<aa-try-access editor="ID">`: the Try-an-access panel beside an `<aa-editor>`. The page renders the form
 * (parts marked `data-part`); this element evaluates the chosen subject against the editor's profile with the
 * engine, renders the view model of try-access.ts, highlights the deciding rule in the editor, and runs the
 * batch access tests. No Monaco here; the engine is loaded by dynamic import on first use.
 */
import type { AaEditor, EditorHighlight } from './aa-editor.ts';
import type { AccessTestResult, TryAccessView } from './try-access.ts';

type Engine = typeof import('./try-access.ts') & typeof import('./analysis.ts');

/** A default object per verb, so switching the verb gives a working example. */
const EXAMPLES: Readonly<Record<string, string>> = {
  read: '/etc/hostname', write: '/tmp/test', append: '/var/log/app.log', create: '/tmp/new', delete: '/tmp/test',
  lock: '/run/app.lock', mmap: '/usr/lib/x86_64-linux-gnu/libc.so.6', link: '/tmp/link', exec: '/bin/sh',
  capability: 'net_admin', network: 'inet stream', signal: 'send term unconfined',
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function ruleItem(prefix: string, rule: TryAccessView['others'][number]): HTMLElement {
  const item = element('li');
  const where = rule.file ? `${rule.file}${rule.line ? `:${rule.line}` : ''}` : rule.line ? `line ${rule.line}` : '';
  item.append(`${prefix}${where ? ` (${where})` : ''}: `, element('code', rule.text));
  const notes = [rule.effect === 'deny' ? `denies ${rule.perms}` : `allows ${rule.perms}`, rule.why, rule.applies ? '' : 'owner condition not met'];
  item.append(` — ${notes.filter((n) => n !== '').join('; ')}`);
  return item;
}

/** The panel element. */
export class AaTryAccess extends HTMLElement {
  #engine: Promise<Engine> | undefined;

  connectedCallback(): void {
    const form = this.#part<HTMLFormElement>('form');
    const verb = this.#part<HTMLSelectElement>('verb');
    const object = this.#part<HTMLInputElement>('object');
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#try();
    });
    verb?.addEventListener('change', () => {
      if (object && Object.values(EXAMPLES).includes(object.value)) object.value = EXAMPLES[verb.value] ?? '';
    });
    this.#part('run-tests')?.addEventListener('click', () => void this.#runTests());
    // Results already on screen follow the text, so a learner sees a fix flip the verdict or a test.
    this.#editor()?.addEventListener('aa-editor-change', () => {
      this.#updateProfiles();
      if (this.#part('result')?.childElementCount) void this.#try();
      if (this.#part('test-results')?.childElementCount) void this.#runTests();
    });
  }

  #part<T extends HTMLElement>(name: string): T | undefined {
    return this.querySelector<T>(`[data-part="${name}"]`) ?? undefined;
  }

  #editor(): AaEditor | undefined {
    const id = this.getAttribute('editor');
    return (id ? document.getElementById(id) : null) as AaEditor | null ?? undefined;
  }

  #loadEngine(): Promise<Engine> {
    this.#engine ??= Promise.all([import('./try-access.ts'), import('./analysis.ts')]).then(([a, b]) => ({ ...a, ...b }));
    return this.#engine;
  }

  #updateProfiles(): void {
    const select = this.#part<HTMLSelectElement>('profile');
    const names = this.#editor()?.analysis?.profiles ?? [];
    if (!select || names.join('\n') === [...select.options].map((o) => o.value).join('\n')) return;
    const chosen = select.value;
    select.replaceChildren(...names.map((name) => new Option(name, name, false, name === chosen)));
  }

  async #compiled(): Promise<{ engine: Engine; text: string; policy: ReturnType<Engine['compileText']> }> {
    const engine = await this.#loadEngine();
    const text = this.#editor()?.value ?? '';
    return { engine, text, policy: engine.compileText(text) };
  }

  async #try(): Promise<void> {
    const result = this.#part('result');
    if (!result) return;
    const { engine, text, policy } = await this.#compiled();
    const subject = `${this.#part<HTMLSelectElement>('verb')?.value ?? ''} ${this.#part<HTMLInputElement>('object')?.value ?? ''}`;
    if (!policy) {
      result.replaceChildren(element('p', 'The profile has errors (red markers): apparmor_parser would refuse to load it. Fix them first.', 'aa-note'));
      return;
    }
    const profile = this.#part<HTMLSelectElement>('profile')?.value || undefined;
    const view = engine.tryAccess(text, policy, subject, profile);
    if ('error' in view) {
      result.replaceChildren(element('p', view.error, 'aa-note'));
      return;
    }
    result.replaceChildren(...this.#render(view));
    const highlights: EditorHighlight[] = view.others.flatMap((r) => (r.range ? [{ range: r.range, kind: 'match' as const }] : []));
    if (view.deciding?.range) highlights.push({ range: view.deciding.range, kind: 'deciding' });
    this.#editor()?.highlight(highlights);
  }

  #render(view: TryAccessView): HTMLElement[] {
    const verdict = view.verdict === 'allow' ? 'ALLOWED' : 'DENIED';
    const headline = element('p', undefined, `aa-verdict aa-verdict-${view.verdict}`);
    headline.dataset['verdict'] = view.verdict;
    if (view.deciding && view.headline === `${verdict} by ${view.deciding.text}`) {
      headline.append(element('strong', verdict), ' by ', element('code', view.deciding.text));
    } else {
      headline.append(element('strong', verdict), view.headline.slice(verdict.length));
    }
    const parts: HTMLElement[] = [headline, element('p', `${view.subject} under profile ${view.profile}: ${view.summary}.`)];
    const rules = element('ul', undefined, 'aa-rules');
    if (view.deciding) rules.append(ruleItem('Decided by', view.deciding));
    for (const other of view.others) rules.append(ruleItem('Also matched', other));
    if (rules.childElementCount > 0) parts.push(rules);
    if (view.implicitDeny) parts.push(element('p', view.implicitDeny, 'aa-implicit'));
    parts.push(element('p', view.complain, 'aa-complain'));
    parts.push(element('p', view.logNote, 'aa-log-note'));
    if (view.auditLine) parts.push(element('pre', view.auditLine, 'aa-audit-line'));
    return parts;
  }

  async #runTests(): Promise<void> {
    const list = this.#part('test-results');
    const tests = this.#part<HTMLTextAreaElement>('tests')?.value ?? '';
    if (!list) return;
    const { engine, text, policy } = await this.#compiled();
    if (!policy) {
      list.replaceChildren(element('li', 'The profile has errors: fix them before running the tests.', 'aa-note'));
      return;
    }
    const profile = this.#part<HTMLSelectElement>('profile')?.value || undefined;
    const results = engine.runAccessTests(text, policy, tests, profile);
    list.replaceChildren(...results.map((r) => this.#renderTest(r)));
    const summary = this.#part('test-summary');
    if (summary) summary.textContent = `${results.filter((r) => r.isPass).length} of ${results.length} passed`;
  }

  #renderTest(result: AccessTestResult): HTMLElement {
    const item = element('li', undefined, result.isPass ? 'aa-test-pass' : 'aa-test-fail');
    item.dataset['result'] = result.isPass ? 'pass' : 'fail';
    item.append(element('strong', result.isPass ? 'PASS' : 'FAIL'), ` ${result.subject || `line ${result.line}`} → expected ${result.expected}`);
    item.append(element('span', ` — ${result.note}`, 'aa-test-note'));
    return item;
  }
}

if (!customElements.get('aa-try-access')) customElements.define('aa-try-access', AaTryAccess);
