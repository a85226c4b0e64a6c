// Every screen and dialog of the kiosk in landscape: the audit of tests/support/accessibility-audit.ts.
import { describeAccessibility } from '../support/accessibility-audit';

describeAccessibility('landscape');
