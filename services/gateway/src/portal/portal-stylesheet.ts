/**
 * The portal's only stylesheet, served by the gateway at /portal/assets/portal.css: mobile first
 * (one column, the documents table as cards), system fonts only, contrast of at least 4.5:1 and
 * a visible focus ring for keyboard use.
 */
export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1f24;background:#f4f6f8}
body{margin:0}
a{color:#0b4f9c}
a:hover{color:#083a73}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:.5rem;z-index:10}
.top{display:flex;justify-content:space-between;align-items:center;gap:1rem;background:#0b2e59;color:#fff;padding:.75rem 1rem}
.top .company{margin:0;font-weight:700}
.top a{color:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
h1{font-size:1.5rem;margin:.25rem 0 .5rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.muted{color:#4a5561}
.card{background:#fff;border:1px solid #d0d7de;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.summary{display:grid;grid-template-columns:1fr;gap:.5rem;margin:0}
.summary div{background:#fff;border:1px solid #d0d7de;border-radius:.5rem;padding:.75rem}
.summary dt{font-size:.9rem;color:#4a5561}
.summary dd{margin:0;font-size:1.25rem;font-weight:700}
.summary .overdue dd{color:#a4161a}
.chips{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.5rem 0;list-style:none}
.chip{display:inline-block;padding:.5rem .75rem;border:2px solid #0b4f9c;border-radius:999px;text-decoration:none;background:#fff;color:#0b4f9c;font-weight:600;min-height:44px}
.chip[aria-current="true"]{background:#0b4f9c;color:#fff}
.chip small{display:block;font-weight:400;font-size:.8rem}
.button,button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1rem;border-radius:.375rem;border:2px solid #0b4f9c;background:#0b4f9c;color:#fff;text-decoration:none;cursor:pointer;min-height:44px}
.button.secondary{background:#fff;color:#0b4f9c}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
details.filters{background:#fff;border:1px solid #d0d7de;border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0}
details.filters summary{font-weight:600;cursor:pointer;padding:.25rem 0}
.fields{display:grid;grid-template-columns:1fr;gap:.75rem;margin:.75rem 0}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
input,select,textarea{font:inherit;width:100%;padding:.5rem;border:1px solid #57606a;border-radius:.375rem;background:#fff;color:#1b1f24;min-height:44px}
input[type=checkbox]{width:1.25rem;height:1.25rem;min-height:0;margin:0 .5rem 0 0;vertical-align:middle}
fieldset{border:1px solid #d0d7de;border-radius:.5rem;padding:.75rem;margin:0 0 1rem}
.check{display:flex;align-items:center;font-weight:400;margin:.25rem 0}
.help{font-size:.9rem;color:#4a5561;margin:.25rem 0 0}
.error{color:#a4161a;font-weight:600;margin:.25rem 0 0}
[aria-invalid=true]{border:2px solid #a4161a}
.alert{border-left:6px solid #a4161a;background:#fff;padding:.75rem 1rem;margin:1rem 0}
.notice{border-left:6px solid #1a7f37;background:#fff;padding:.75rem 1rem;margin:1rem 0}
table{width:100%;border-collapse:collapse;background:#fff}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.status-paid{color:#1a7f37;font-weight:600}
.status-pending{color:#a4161a;font-weight:600}
.status-partially_paid{color:#8a4600;font-weight:600}
@media (max-width:47.99rem){
  table.cards thead{position:absolute;left:-999px}
  table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
  table.cards tr{border:1px solid #d0d7de;border-radius:.5rem;margin:0 0 .75rem;padding:.5rem;background:#fff}
  table.cards td{border:0;padding:.25rem 0;display:flex;justify-content:space-between;gap:1rem;text-align:right}
  table.cards td::before{content:attr(data-label);font-weight:600;color:#4a5561;text-align:left}
}
@media (min-width:48rem){
  .summary{grid-template-columns:repeat(3,1fr)}
  .fields{grid-template-columns:repeat(2,1fr)}
  main{padding:1.5rem}
}
.foot{max-width:72rem;margin:0 auto;padding:1rem;color:#4a5561;font-size:.9rem}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
`;
