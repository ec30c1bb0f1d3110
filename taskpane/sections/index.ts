/** The review's sections, in the order the pane shows them (the summary card comes first, always open). */
import { aneSection } from "./ane";
import { basketsSection } from "./baskets";
import { borrowingBaseSection } from "./borrowingBase";
import { ebitdaSection } from "./ebitda";
import { feeSection } from "./fee";
import { figuresSection } from "./figures";
import { findingsSection } from "./findings";
import { ppeSection } from "./ppe";
import { readingsSection } from "./readings";
import { replacedTermsSection } from "./replacedTerms";
import type { PaneSection } from "./section";
import { thresholdEventsSection } from "./thresholdEvents";
import { whatIfSection } from "./whatIf";

export const SECTIONS: readonly PaneSection[] = [findingsSection, borrowingBaseSection, thresholdEventsSection, ppeSection, ebitdaSection, aneSection, basketsSection, feeSection, replacedTermsSection, readingsSection, whatIfSection, figuresSection];
