// `npm run build:widget`: widget/*.ts → public/widget.js (also run by every build and server script).
import { buildWidget, widgetSize } from "./lib/widget-build";

buildWidget();
const { bytes, gzipped } = widgetSize();
console.log(`public/widget.js: ${bytes} bytes, ${gzipped} bytes gzipped`);
