// Demo Store's storefront, in this order and in one worker: the merchant sets its handoff and
// connects helpdesks, shoppers hand off through them, the widget is walked by keyboard and axe,
// then forwarding is made to fail and recover. Each part changes Demo Store's handoff settings
// for the next, so they run one after another, beside the other specs (which use other accounts
// or only read Demo Store), not after them.
import "./storefront/integrations";
import "./storefront/shopper";
import "./storefront/shopper-languages";
import "./storefront/widget-accessibility";
import "./storefront/forwarding";
