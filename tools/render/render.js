/*
 * Render an Adaptive Card the way Teams does and report what a test needs to know:
 * the renderer's parse and validation events, the buttons, the visible text and the DOM.
 *
 *   await window.renderCard(cardJson, { theme: "light" | "dark", maxVersion: "1.5" })
 *     -> { warnings: string[], buttons: string[], texts: string, html: string }
 *
 * markdown-it is loaded before adaptivecards.min.js: the renderer picks up window.markdownit
 * by itself, as Teams renders TextBlock markdown.
 */
"use strict";

(function () {
  const AC = window.AdaptiveCards;
  const THEMES = ["light", "dark"];
  const hostConfigs = new Map();

  async function hostConfigFor(theme) {
    if (!THEMES.includes(theme)) {
      throw new Error(`unknown theme ${JSON.stringify(theme)}; expected one of ${THEMES}`);
    }
    if (!hostConfigs.has(theme)) {
      const response = await fetch(`microsoft-teams-${theme}.json`);
      if (!response.ok) {
        throw new Error(`host config for ${theme}: HTTP ${response.status}`);
      }
      hostConfigs.set(theme, await response.json());
    }
    return hostConfigs.get(theme);
  }

  function parseVersion(text) {
    const [major, minor] = String(text).split(".").map(Number);
    if (!Number.isInteger(major) || !Number.isInteger(minor)) {
      throw new Error(`maxVersion must look like "1.5", got ${JSON.stringify(text)}`);
    }
    return new AC.Version(major, minor);
  }

  function describe(event) {
    const phase = AC.ValidationPhase[event.phase];
    const kind = AC.ValidationEvent[event.event];
    const source = event.source && event.source.getJsonTypeName ? event.source.getJsonTypeName() : "";
    return `${phase} ${kind}${source ? ` (${source})` : ""}: ${event.message}`;
  }

  function buttonTitle(button) {
    return (button.getAttribute("aria-label") || button.textContent || "").trim();
  }

  async function renderCard(cardJson, options = {}) {
    const theme = options.theme || "light";
    const maxVersion = parseVersion(options.maxVersion || "1.5");
    document.body.className = `theme-${theme}`;
    const target = document.getElementById("card");
    target.replaceChildren();

    // Teams renders cards up to 1.5: newer cards fall back, newer properties are dropped.
    AC.SerializableObject.defaultMaxVersion = maxVersion;
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(await hostConfigFor(theme));
    const context = new AC.SerializationContext(maxVersion);
    card.parse(cardJson, context);

    const warnings = [];
    for (let i = 0; i < context.eventCount; i++) {
      warnings.push(describe(context.getEventAt(i)));
    }
    for (const event of card.validateProperties().validationEvents) {
      warnings.push(describe(event));
    }

    const rendered = card.render();
    if (!rendered) {
      warnings.push("Render: the renderer produced no element for this card");
      return { warnings, buttons: [], texts: "", html: "" };
    }
    target.appendChild(rendered);
    await document.fonts.ready;

    const buttons = Array.from(rendered.querySelectorAll("button.ac-pushButton")).map(buttonTitle);
    return { warnings, buttons, texts: rendered.innerText, html: rendered.outerHTML };
  }

  async function renderFromQuery() {
    const query = new URLSearchParams(window.location.search);
    const cardUrl = query.get("card");
    if (!cardUrl) {
      return;
    }
    const response = await fetch(cardUrl);
    const result = await renderCard(await response.json(), {
      theme: query.get("theme") || "light",
      maxVersion: query.get("maxVersion") || "1.5",
    });
    const report = document.getElementById("report");
    report.textContent = JSON.stringify({ ...result, html: undefined }, null, 2);
    report.hidden = false;
  }

  window.renderCard = renderCard;
  window.addEventListener("DOMContentLoaded", () => {
    renderFromQuery().catch((error) => console.error(error));
  });
})();
