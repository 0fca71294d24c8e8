// Shared by the domain pages: a warning naming the silos that did not answer (their numbers are missing).
import { h } from "./dom.js";

export function silosNotAnswering(silos) {
  const missing = (silos ?? []).filter((s) => !s.answered);
  if (missing.length === 0) return null;
  const names = missing.map((s) => `${s.silo_name ?? s.silo}${s.error ? ` (${s.error})` : ""}`).join(", ");
  return h("p", { class: "error", role: "alert", text: `Not included, these silos did not answer: ${names}` });
}
