import { initAll, createAll } from '/lib/govuk/govuk-frontend.min.js';
import { SortableTable } from '/lib/moj/sortable-table.bundle.mjs';
initAll();
// A short list shown whole (data-module="moj-sortable-table") sorts in the browser; long lists sort on the server.
createAll(SortableTable);
