'use strict';
// The deletion confirmation page. Nothing happens on load: mail scanners open every link in a
// mail, some run its script, and none of them presses the button.
(function () {
    const outcome = document.getElementById('outcome');

    // The addresses the service accepts (EmailAddress): the page shows nothing else a link says,
    // so a crafted link cannot make it show text of its author's.
    const LOCAL = /^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*$/;
    const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
    function isAddress(value) {
        const at = value.lastIndexOf('@');
        return value.length <= 254 && at >= 1 && at <= 64
            && LOCAL.test(value.slice(0, at)) && value.slice(at + 1).split('.').every(function (label) {
                return LABEL.test(label);
            });
    }

    // Mails put the address and the code in the fragment, which the browser never sends, so that
    // no server or proxy logs the code. Older mails put them in the query: the server has rendered
    // that page already, and there are no templates to fill.
    const confirmation = document.getElementById('confirmation');
    if (confirmation) {
        const link = new URLSearchParams(location.hash.slice(1));
        const emailAddress = link.get('email_address') || '';
        const code = link.get('code') || '';
        if (!isAddress(emailAddress) || code.trim() === '') {
            outcome.before(document.getElementById('incomplete-link').content.cloneNode(true));
        } else {
            const content = confirmation.content.cloneNode(true);
            // as text, never as markup
            content.querySelector('#email-address').textContent = emailAddress;
            const values = content.querySelector('#delete').dataset;
            values.emailAddress = emailAddress;
            values.code = code;
            outcome.before(content);
        }
    }
    // The page holds what it needs now: take the code out of the address bar, and out of the
    // browser's history by replacing this entry rather than adding a clean one.
    history.replaceState(null, '', location.pathname + location.search);
    // Another link opened in this tab changes only the fragment, which loads nothing by itself.
    window.addEventListener('hashchange', function () {
        location.reload();
    });

    const button = document.getElementById('delete');
    if (!button) {
        return;
    }

    function show(text, kind) {
        outcome.textContent = text;
        outcome.className = kind;
    }

    async function messageOf(response) {
        try {
            const body = await response.json();
            return body.data.attributes.message;
        } catch (ignored) {
            return null;
        }
    }

    button.addEventListener('click', async function () {
        button.disabled = true;
        show('Deleting\u2026', 'pending');
        let response;
        try {
            response = await fetch('../v1/access_tokens', {
                method: 'DELETE',
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                body: JSON.stringify({
                    data: {
                        type: 'access_tokens',
                        attributes: {code: button.dataset.code, email_address: button.dataset.emailAddress}
                    }
                }),
                credentials: 'omit',
                cache: 'no-store',
                referrerPolicy: 'no-referrer'
            });
        } catch (networkError) {
            show('Network error: the service could not be reached. Check your connection and try again.', 'error');
            button.disabled = false;
            return;
        }
        if (response.status === 204) {
            show('Your access tokens have been deleted.', 'success');
            button.hidden = true;
            return;
        }
        if (response.status === 429) {
            const seconds = response.headers.get('Retry-After');
            show('Too many requests. Please try again in ' + (seconds || 'a few') + ' seconds.', 'error');
            button.disabled = false;
            return;
        }
        const message = await messageOf(response);
        if (response.status === 400 && message === 'Invalid or expired code') {
            show('Invalid or expired code. Ask for a new deletion mail and use the link in it.', 'error');
            return;
        }
        show((message || 'The service answered with status ' + response.status + '.') + ' Please try again later.',
            'error');
        button.disabled = false;
    });
})();
