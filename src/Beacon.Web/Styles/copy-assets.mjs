// Copies GOV.UK Frontend's script and images into wwwroot/lib/govuk (fonts are left out on purpose:
// see beacon.scss), and the MOJ pattern library's components Beacon uses into wwwroot/lib/moj.
import { cpSync, mkdirSync } from "node:fs";
const from = "node_modules/govuk-frontend/dist/govuk";
const to = "wwwroot/lib/govuk";
mkdirSync(to, { recursive: true });
cpSync(`${from}/govuk-frontend.min.js`, `${to}/govuk-frontend.min.js`);
cpSync(`${from}/assets/images`, `${to}/assets/images`, { recursive: true });

const moj = "node_modules/@ministryofjustice/frontend/moj/components";
mkdirSync("wwwroot/lib/moj", { recursive: true });
cpSync(`${moj}/sortable-table/sortable-table.bundle.mjs`, "wwwroot/lib/moj/sortable-table.bundle.mjs");
