/**
 * The calm, Teams-like look both recording pages share. Plain CSS: the pages load nothing from
 * elsewhere. Kept free of backticks and `${` because it is embedded in a template string.
 */
export const PAGE_STYLE = `
  :root { color-scheme: light; --accent: #5b5fc7; --accent-dark: #4f52b2; --text: #242424; --muted: #616161;
    --border: #e0e0e0; --bg: #f5f5f5; --card: #ffffff; --error: #c4314b; --ok: #237b4b; }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--text);
    font: 14px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
  main { max-width: 1100px; margin: 0 auto; padding: 24px 16px; }
  h1 { font-size: 20px; font-weight: 600; margin: 0 0 16px; }
  h2 { font-size: 16px; font-weight: 600; margin: 0 0 12px; }
  .card { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 20px;
    box-shadow: 0 1px 2px rgba(0, 0, 0, 0.06); }
  .field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; }
  .row { display: flex; gap: 8px; align-items: flex-end; flex-wrap: wrap; }
  label { font-weight: 600; font-size: 13px; }
  input, select, textarea { font: inherit; color: inherit; padding: 6px 8px; border: 1px solid #d1d1d1;
    border-radius: 4px; background: #fff; }
  input:focus, select:focus, textarea:focus, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
  button { font: inherit; font-weight: 600; cursor: pointer; border-radius: 4px; padding: 6px 16px;
    border: 1px solid #d1d1d1; background: #fff; color: var(--text); }
  button:hover { background: #f0f0f0; }
  button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
  button.primary:hover { background: var(--accent-dark); }
  button:disabled { cursor: default; opacity: 0.5; }
  progress { width: 100%; height: 8px; accent-color: var(--accent); }
  .muted { color: var(--muted); }
  .message { margin-top: 12px; padding: 10px 12px; border-radius: 4px; background: #f0f0f0; }
  .context { margin: -4px 0 12px; color: var(--muted); }
  .message.error { background: #fdf3f4; color: var(--error); }
  .message.ok { background: #f1faf1; color: var(--ok); }
  .message.info { background: #eef1fb; color: inherit; }
  [hidden] { display: none !important; }
`;
