// GOV.UK Frontend styles its enhanced components only when this class is present (kept in a file for the CSP).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
