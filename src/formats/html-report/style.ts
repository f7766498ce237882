/**
 * The HTML report's stylesheet, inlined into the page (the CSP allows inline styles; nothing is fetched).
 * Statuses always carry a text label and a symbol: colour only repeats what the text says.
 */
export const REPORT_STYLE = String.raw`
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--accent:#0969da;
--fail:#cf222e;--fail-bg:#ffebe9;--pass:#1a7f37;--pass-bg:#dafbe1;--ne:#9a6700;--ne-bg:#fff8c5;
--manual:#6e7781;--manual-bg:#eaeef2;--muted-st:#8250df;--muted-bg:#fbefff;--partial:#0550ae;--partial-bg:#ddf4ff;color-scheme:light}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
header.top{padding:1.25rem 2rem .75rem;border-bottom:1px solid var(--line);background:var(--soft)}
header.top h1{font-size:1.35rem;margin:0 0 .25rem}
a.home{display:inline-block;margin:.5rem 2rem 0;font-weight:600}
button.chk{font-size:.8rem;padding:0 .3rem;margin:0 .3rem .2rem 0;text-align:left}
header.top p{margin:.2rem 0}.meta{color:var(--muted)}.summary-line{font-weight:500}
nav.sections{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--line);padding:.4rem 2rem;display:flex;gap:1.25rem}
nav.sections a{text-decoration:none;font-weight:600}nav.sections a:hover,nav.sections a:focus{text-decoration:underline}
main{padding:0 2rem 3rem;max-width:110rem}
section.view{margin-top:1.5rem}
h2{font-size:1.15rem;margin:1.25rem 0 .5rem}h3{font-size:1rem;margin:.5rem 0}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;z-index:20;background:var(--bg);padding:.3rem .6rem;border:2px solid var(--accent)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
:focus-visible{outline:3px solid var(--accent);outline-offset:1px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.6rem}
.card{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;background:var(--bg)}
.card .big{font-size:1.4rem;font-weight:700;display:block}.card .label{color:var(--muted);font-size:.85rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:1rem;margin-top:1rem}
figure.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;break-inside:avoid}
figure.chart figcaption{font-weight:600;margin-bottom:.3rem}
figure.chart svg{width:100%;height:auto;display:block}
svg text{font:12px system-ui,sans-serif;fill:var(--fg)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.data{font-size:.8rem;margin-top:.4rem}
figure.chart details summary{cursor:pointer;font-size:.8rem;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.75rem;font-size:.8rem;margin:.3rem 0}
.sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.25rem;vertical-align:-1px;border:1px solid rgba(0,0,0,.25)}
.st-FAIL{fill:var(--fail);background:var(--fail)}.st-PASS{fill:var(--pass);background:var(--pass)}
.st-NOT_EVALUATED{fill:#d4a72c;background:#d4a72c}.st-MANUAL{fill:#afb8c1;background:#afb8c1}.st-MUTED{fill:#a475f9;background:#a475f9}
.st-none{fill:#eaeef2;background:#eaeef2}
#chart-trend{max-width:50rem}
.trend-line{fill:none;stroke:var(--accent);stroke-width:2}.trend-cov{fill:var(--accent)}.axis{stroke:var(--line)}
.trend-sw{background:var(--accent)}
.note{margin:.3rem 0;padding:.3rem .6rem;border-left:3px solid var(--ne);background:var(--ne-bg)}
.badge{display:inline-block;font-size:.75rem;font-weight:700;border-radius:4px;padding:0 .35rem;white-space:nowrap;border:1px solid transparent}
.b-FAIL,.b-not-met,.b-fail{background:var(--fail-bg);color:#a40e26;border-color:#ffcecb}
.b-PASS,.b-met,.b-pass{background:var(--pass-bg);color:#116329;border-color:#aceebb}
.b-NOT_EVALUATED,.b-unknown,.b-not-evaluated{background:var(--ne-bg);color:#7d4e00;border-color:#f5e0a0}
.b-MANUAL,.b-manual,.b-inherited{background:var(--manual-bg);color:#424a53;border-color:#d0d7de}
.b-MUTED{background:var(--muted-bg);color:#6639ba;border-color:#e3ccff}
.b-partial{background:var(--partial-bg);color:var(--partial);border-color:#b6e3ff}
.sev{font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.02em}
.sev-critical{color:#a40e26}.sev-high{color:#bc4c00}.sev-medium{color:#7d4e00}.sev-low{color:#0550ae}.sev-info{color:var(--muted)}
details.svc{border:1px solid var(--line);border-radius:8px;margin:.5rem 0;background:var(--bg)}
details.svc>summary{cursor:pointer;padding:.5rem .8rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
details.svc>summary .name{font-weight:700}details.svc>summary .where{color:var(--muted);font-size:.85rem}
details.svc>summary .counts{margin-left:auto;display:flex;gap:.3rem;flex-wrap:wrap}
.cols{display:grid;grid-template-columns:repeat(3,1fr);gap:.75rem;padding:0 .8rem .8rem}
.col{border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem}.col h4{margin:.2rem 0 .4rem;font-size:.9rem}
.col ul{list-style:none;margin:0;padding:0}.col li{margin:.35rem 0}
.why{display:block;color:var(--muted);font-size:.8rem}
.variants{padding:0 .8rem;color:var(--muted);font-size:.85rem}
.fw{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;margin:.5rem 0;break-inside:avoid}
.fw .score{font-size:1.4rem;font-weight:700;margin-right:.5rem}
.fw details summary{cursor:pointer;margin-top:.3rem}
.fw table{font-size:.85rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem .75rem;align-items:flex-end;margin:.5rem 0;padding:.6rem;border:1px solid var(--line);border-radius:8px;background:var(--soft)}
.controls label{display:flex;flex-direction:column;font-size:.8rem;font-weight:600;gap:.15rem}
.controls input,.controls select,button{font:inherit;padding:.25rem .4rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.controls input[type=search]{min-width:18rem}
button{cursor:pointer}button:hover{background:var(--soft)}
.count{margin:.4rem 0;color:var(--muted)}
table.findings{font-size:.85rem;table-layout:fixed}
table.findings th[data-key=status]{width:9rem}table.findings th[data-key=severity]{width:6rem}table.findings th[data-key=title]{width:28%}table.findings th[data-key=account]{width:8.5rem}table.findings th[data-key=region]{width:8rem}table.findings th[data-key=service]{width:7rem}table.findings th[data-key=domain]{width:9rem}
table.findings th button{border:0;background:none;padding:0;font-weight:600}
table.findings th button::after{content:" \2195";color:var(--muted)}
table.findings th[aria-sort=ascending] button::after{content:" \2191"}
table.findings th[aria-sort=descending] button::after{content:" \2193"}
table.findings tbody tr{cursor:pointer}
table.findings tbody tr:hover,table.findings tbody tr:focus{background:#f0f6ff}
table.findings tbody tr[aria-selected=true]{background:#ddf4ff}
td.res{word-break:break-all;max-width:22rem}
.more{margin:.6rem 0}
aside.detail{position:fixed;top:0;right:0;bottom:0;width:min(44rem,100%);overflow:auto;background:var(--bg);border-left:2px solid var(--line);box-shadow:-6px 0 18px rgba(0,0,0,.12);padding:1rem 1.25rem 2rem;z-index:10}
aside.detail h2{margin-top:0;padding-right:5rem}
aside.detail .close{position:absolute;top:.9rem;right:1rem}
aside.detail dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .75rem;margin:.4rem 0}
aside.detail dt{font-weight:600;color:var(--muted)}aside.detail dd{margin:0;word-break:break-word}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem .6rem;overflow:auto;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:.8rem;padding:1rem 2rem;border-top:1px solid var(--line)}
@media (max-width:60rem){.cols{grid-template-columns:1fr}main{padding:0 1rem 2rem}}
@media print{
nav.sections,.controls,.more,aside.detail,.skip,button.jump,a.home{display:none!important}
button.chk{border:0;padding:0;background:none;color:inherit}
body{font-size:10pt}main{padding:0;max-width:none}header.top{background:none;padding:0 0 .5rem}
a{color:inherit;text-decoration:none}details.svc,.fw,figure.chart,.card{break-inside:avoid}
table.findings tbody tr{break-inside:avoid}th{background:none}
.badge{border-color:#000}
}
`;
