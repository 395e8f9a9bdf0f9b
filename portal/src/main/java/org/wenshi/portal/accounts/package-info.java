/**
 * Editors' accounts and sign-in: accounts in PostgreSQL, Spring Security's form login (pages, with a
 * session and CSRF tokens) and HTTP Basic (scripts on the API), roles {@code editor} and {@code
 * admin}, sign-in throttling, the first admin from {@code WENSHI_ADMIN_PASSWORD}, and {@code
 * /admin/users}. Readers need no account: everything outside {@code /compilations}, {@code /admin}
 * and their APIs stays open.
 */
package org.wenshi.portal.accounts;
