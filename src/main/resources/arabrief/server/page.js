// The page: one button; the brief comes first, then paragraphs stream in (NDJSON from /api/stream).
"use strict";
const LOW_SCORE = -1.0; // mean log-probability per token below which a sentence is marked
const $ = (id) => document.getElementById(id);
let documentJson = null;

$("threshold").textContent = LOW_SCORE.toFixed(1);
fetch("/frontend/settings").then((r) => r.json()).then((s) => {
  if (s.keyRequired) $("key").hidden = false;
  if (s.fetchUrls) $("url-row").hidden = false; // the server fetches pages (serve --allow-fetch)
}).catch(() => {});

function readFile(file) {
  const reader = new FileReader();
  reader.onload = () => { $("source").value = reader.result; $("source").dataset.kind = /\.html?$/i.test(file.name) ? "html" : "text"; };
  reader.readAsText(file);
}
$("file").addEventListener("change", (e) => { if (e.target.files[0]) readFile(e.target.files[0]); });
$("source").addEventListener("dragover", (e) => { e.preventDefault(); $("source").classList.add("drop"); });
$("source").addEventListener("dragleave", () => $("source").classList.remove("drop"));
$("source").addEventListener("drop", (e) => {
  e.preventDefault(); $("source").classList.remove("drop");
  if (e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]);
});
$("source").addEventListener("input", () => { delete $("source").dataset.kind; });

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function showBrief(b) {
  $("brief").hidden = false;
  $("headline").textContent = b.headline ? b.headline.text : "";
  $("standfirst").textContent = b.standfirst ? b.standfirst.text : "";
  $("standfirst").hidden = !b.standfirst;
  $("dateline").textContent = b.dateline ? b.dateline.text : "";
  $("origin").hidden = !b.url; // a fetched page: its address under the headline
  if (b.url) { $("origin-link").href = b.url; $("origin-link").textContent = b.url; }
  $("summary").replaceChildren(...b.summary.map((s) => el("li", {}, s)));
}

function showParagraph(index, p) {
  $("article").hidden = false;
  const row = el("div", { class: "para", "data-index": String(index) });
  row.appendChild(el("div", { class: "ar", dir: "rtl", lang: "ar" }, p.source));
  const en = el("div", { class: "en", lang: "en" });
  p.sentences.forEach((s, i) => {
    if (!s.text) return;
    if (i > 0) en.appendChild(document.createTextNode(" "));
    if (s.score < LOW_SCORE) en.appendChild(el("mark", { title: "score " + s.score.toFixed(2) }, s.text));
    else en.appendChild(el("span", {}, s.text));
  });
  row.appendChild(en);
  $("paragraphs").appendChild(row);
}

function markdown(d) {
  const out = [];
  if (d.headline) out.push("# " + d.headline.text, "");
  if (d.standfirst) out.push(d.standfirst.text.split("\n").map((l) => "**" + l + "**").join("  \n"), "");
  if (d.dateline) out.push("*" + d.dateline.text + "*", "");
  if (d.summary.length) { out.push("## Summary", ""); d.summary.forEach((s) => out.push("- " + s)); out.push(""); }
  d.paragraphs.forEach((p) => out.push(p.text, ""));
  return out.join("\n");
}

$("copy").addEventListener("click", () => {
  if (documentJson) navigator.clipboard.writeText(markdown(documentJson)).then(() => { $("status").textContent = "Copied."; });
});

$("go").addEventListener("click", async () => {
  const text = $("source").value;
  const url = $("url-row").hidden ? "" : $("url").value.trim();
  if (!text.trim() && !url) { $("status").textContent = $("url-row").hidden ? "Paste an article first." : "Give a page URL or paste an article first."; return; }
  $("go").disabled = true; $("copy").disabled = true; $("download").hidden = true; documentJson = null;
  $("brief").hidden = true; $("article").hidden = true; $("paragraphs").replaceChildren();
  $("status").textContent = url && !text.trim() ? "Fetching and translating…" : "Translating…";
  const body = {};
  if (url && !text.trim()) body.url = url; // the URL when nothing is pasted; pasted text wins otherwise
  else body[$("source").dataset.kind === "html" || /^\s*</.test(text) ? "html" : "text"] = text;
  if (!$("key").hidden && $("key").value) body.api_key = $("key").value;
  try {
    const r = await fetch("/api/stream", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    // the server's own message says what is wrong and what to do; a body that is not ours at least has the status
    if (!r.ok) { const e = await r.json().catch(() => ({})); throw new Error(e.error || (r.status + " " + r.statusText).trim()); }
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let buf = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buf += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl); buf = buf.slice(nl + 1);
        if (!line.trim()) continue;
        const m = JSON.parse(line);
        if (m.type === "brief") showBrief(m.brief);
        else if (m.type === "paragraph") showParagraph(m.index, m.paragraph);
        else if (m.type === "document") {
          documentJson = m.document;
          const blob = new Blob([JSON.stringify(m.document, null, 2)], { type: "application/json" });
          $("download").href = URL.createObjectURL(blob); $("download").hidden = false; $("copy").disabled = false;
          $("status").textContent = "Done.";
        } else if (m.type === "error") throw new Error(m.error);
      }
      if (done) break;
    }
  } catch (e) {
    $("status").textContent = "Error: " + e.message;
  } finally {
    $("go").disabled = false;
  }
});
