// The admin page's script, written as one self-contained browser function and served as its source text
// (`/assets/admin.js`): it may use no import and nothing outside its own body. It keeps the token in
// sessionStorage (gone when the tab closes), reads /api/audit/report with it and draws the chart as SVG.

function adminScript(): void {
  const KEY = 'vigie-admin-token';
  const SVG = 'http://www.w3.org/2000/svg';
  const LABELS: Record<string, string> = {
    'verdict.block.outside': 'Destinataire hors MSSanté (bloqué)',
    'verdict.warn.outside': 'Destinataire hors MSSanté (averti)',
    'verdict.block.invalid': 'Adresse illisible',
    'verdict.block.patient-invalid': 'Adresse patient avec un INS invalide',
    'verdict.block.other-patient': 'Document d’un autre patient',
    'verdict.block.several-patients': 'Plusieurs patients dans un message',
    'verdict.distribution-list': 'Liste de diffusion',
    'verdict.block.health-data': 'Données de santé (bloqué)',
    'verdict.warn.health-data': 'Données de santé (averti)',
    'verdict.block.no-sender': 'Expéditeur illisible',
  };
  const HOSTS: Record<string, string> = { outlook: 'Outlook', thunderbird: 'Thunderbird', webmail: 'Webmail', cli: 'Ligne de commande' };
  type Day = { day: string; allow: number; warn: number; block: number };
  type Report = {
    total: number;
    overrides: number;
    byVerdict: Record<'allow' | 'warn' | 'block', number>;
    byReason: Record<string, number>;
    byHost: Record<string, number>;
    byDay: Day[];
  };

  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const form = $<HTMLFormElement>('query');
  const token = $<HTMLInputElement>('token');
  const from = $<HTMLInputElement>('from');
  const to = $<HTMLInputElement>('to');
  const status = $<HTMLElement>('status');
  const csv = $<HTMLButtonElement>('csv');
  const nf = new Intl.NumberFormat('fr-FR');
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const frDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  const today = new Date();
  to.value = iso(today);
  from.value = iso(new Date(today.getTime() - 29 * 86_400_000));
  token.value = sessionStorage.getItem(KEY) ?? '';

  const el = (tag: string, attrs: Record<string, string | number> = {}, text?: string): Element => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.className = error ? 'error' : '';
  };
  const url = (format: string) =>
    `/api/audit/report?from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}${format === 'csv' ? '&format=csv' : ''}`;
  const get = (format: string): Promise<Response> =>
    fetch(url(format), { headers: { authorization: `Bearer ${token.value.trim()}` }, cache: 'no-store' }).then((res) => {
      if (res.status === 401) throw new Error('Jeton refusé. / Token refused.');
      if (!res.ok)
        return res.json().then((b: { error?: { message?: string } }) => {
          throw new Error(b.error?.message ?? `HTTP ${res.status}`);
        });
      return res;
    });

  const tiles = (r: Report) => {
    const box = $('tiles');
    box.textContent = '';
    const items: [string, number, string][] = [
      ['Vérifications', r.total, ''],
      ['Bloquées', r.byVerdict.block, 'block'],
      ['Averties', r.byVerdict.warn, 'warn'],
      ['Autorisées', r.byVerdict.allow, 'allow'],
      ['Passées outre', r.overrides, ''],
    ];
    for (const [label, n, cls] of items) {
      const d = document.createElement('div');
      d.className = `tile ${cls}`;
      const b = document.createElement('b');
      b.textContent = nf.format(n);
      d.append(b, label);
      box.append(d);
    }
  };

  /** Every day of the period, empty ones included (the report lists only days that have events). */
  const everyDay = (days: Day[]): Day[] => {
    const start = Date.parse(`${from.value}T00:00:00Z`);
    const end = Date.parse(`${to.value}T00:00:00Z`);
    if (!(end >= start) || end - start > 400 * 86_400_000) return days;
    const known = new Map(days.map((d) => [d.day, d]));
    const out: Day[] = [];
    for (let t = start; t <= end; t += 86_400_000) {
      const day = iso(new Date(t));
      out.push(known.get(day) ?? { day, allow: 0, warn: 0, block: 0 });
    }
    return out;
  };

  const chart = (days: Day[]) => {
    const box = $('chart');
    box.textContent = '';
    const W = 900,
      H = 260,
      left = 44,
      bottom = 36,
      top = 10;
    const max = Math.max(1, ...days.map((d) => d.allow + d.warn + d.block));
    const step = Math.pow(10, Math.floor(Math.log10(max)));
    const ceil = Math.ceil(max / step) * step;
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
    svg.append(
      el(
        'desc',
        { id: 'chart-desc' },
        days
          .filter((d) => d.allow + d.warn + d.block)
          .map((d) => `${frDate(d.day)} : ${d.block} bloqués, ${d.warn} avertis, ${d.allow} autorisés`)
          .join(' ; ') || 'aucune donnée',
      ),
    );
    const y = (v: number) => top + (H - top - bottom) * (1 - v / ceil);
    for (let i = 0; i <= 4; i++) {
      const v = (ceil / 4) * i;
      svg.append(
        el('line', { x1: left, x2: W, y1: y(v), y2: y(v), stroke: '#e3e3e3' }),
        el('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, nf.format(Math.round(v))),
      );
    }
    const slot = (W - left) / Math.max(days.length, 1);
    const bw = Math.max(2, Math.min(36, slot * 0.7));
    const labelEvery = Math.ceil(days.length / 12);
    days.forEach((d, i) => {
      const x = left + i * slot + (slot - bw) / 2;
      let base = 0;
      for (const [k, color] of [
        ['allow', '#5aa469'],
        ['warn', '#e3a23b'],
        ['block', '#c8323c'],
      ] as const) {
        const v = d[k];
        if (!v) continue;
        const rect = el('rect', { x, y: y(base + v), width: bw, height: y(base) - y(base + v), fill: color });
        rect.append(el('title', {}, `${d.day} — ${k === 'allow' ? 'autorisés' : k === 'warn' ? 'avertis' : 'bloqués'} : ${v}`));
        svg.append(rect);
        base += v;
      }
      if (i % labelEvery === 0)
        svg.append(el('text', { x: x + bw / 2, y: H - bottom + 16, 'text-anchor': 'middle' }, `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}`));
    });
    if (!days.some((d) => d.allow + d.warn + d.block))
      svg.append(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'Aucune vérification sur la période'));
    box.append(svg);
  };

  const rows = (id: string, entries: [string, number][], total: number, bars: boolean) => {
    const body = $(id);
    body.textContent = '';
    for (const [k, n] of entries) {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = (id === 'hosts' ? HOSTS[k] : LABELS[k]) ?? k;
      name.title = k;
      const count = document.createElement('td');
      count.className = 'n';
      count.textContent = nf.format(n);
      tr.append(name, count);
      if (bars) {
        const cell = document.createElement('td');
        const bar = document.createElement('div');
        bar.className = k.includes('.warn.') ? 'bar warn' : 'bar';
        bar.style.width = `${Math.round((n / Math.max(total, 1)) * 100)}%`;
        cell.append(bar);
        tr.append(cell);
      }
      body.append(tr);
    }
  };

  const show = () => {
    say('Chargement… / Loading…');
    get('json')
      .then((res) => res.json() as Promise<Report>)
      .then((r) => {
        sessionStorage.setItem(KEY, token.value.trim());
        tiles(r);
        chart(everyDay(r.byDay));
        const reasons = Object.entries(r.byReason).slice(0, 10);
        rows('reasons', reasons, reasons[0]?.[1] ?? 1, true);
        rows('hosts', Object.entries(r.byHost), r.total, false);
        $('report').hidden = false;
        csv.disabled = false;
        say(`${nf.format(r.total)} vérifications du ${frDate(from.value)} au ${frDate(to.value)}.`);
      })
      .catch((e: Error) => {
        $('report').hidden = true;
        csv.disabled = true;
        say(e.message, true);
      });
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    show();
  });
  csv.addEventListener('click', () => {
    get('csv')
      .then((res) => res.blob())
      .then((blob) => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = `vigie-audit-${from.value}-${to.value}.csv`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      })
      .catch((e: Error) => say(e.message, true));
  });
  $('forget').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    token.value = '';
    $('report').hidden = true;
    say('Jeton oublié. / Token forgotten.');
  });
  if (token.value) show();
}

/** The script as served: the compiled function's own text, called once. */
export function adminScriptSource(): string {
  return `(${adminScript.toString()})();\n`;
}
