import { consentShare, consentTest } from "../../src/functions/consent";
import { column, errorOf, only } from "../support/cells";

const ALL_BUT_PNC = column([true, true, true, true, true, true, false]);

describe("KAISER.CONSENTSHARE and KAISER.CONSENTTEST as Excel calls them [9.2.25]", () => {
  it("gives 0.91228 and TRUE for all Lenders but PNC, over Schedule A's commitments [9.2.25]", () => {
    expect(only(consentShare(ALL_BUT_PNC))).toBe(0.91228);
    expect(only(consentTest(ALL_BUT_PNC))).toBe(true);
  });

  it("gives FALSE for all but Wells Fargo Foothill (84.211%) [9.2.25]", () => {
    expect(only(consentTest(column([true, true, true, false, true, true, true])))).toBe(false);
  });

  it("takes the outstanding principal when any is outstanding, and blank outstandings as none [9.2.25]", () => {
    const votes = column([true, true, false, false, false, false, false]);
    expect(only(consentTest(votes, column([50000000, 10000000, 0, 0, 0, 0, 0])))).toBe(true);
    expect(only(consentTest(votes, column([null, null, null, null, null, null, null])))).toBe(false);
  });

  it("takes its own commitments, in a row as well as a column [9.2.25]", () => {
    expect(only(consentShare([[true, false]], [[null]], [[8600, 1400]]))).toBe(0.86);
    expect(only(consentTest([[true, false]], undefined, [[8600, 1400]]))).toBe(true);
  });
});

describe("edge cases", () => {
  it("gives #VALUE! for text among the approvals, or approvals for fewer Lenders than Schedule A [9.2.25]", () => {
    expect(errorOf(only(consentShare(column([true, "yes"]))))?.code).toBe("#VALUE!");
    expect(errorOf(only(consentShare(column([true, true]))))?.message).toContain("Schedule A's order");
  });

  it("gives #NUM! for a negative outstanding amount [9.2.25]", () => {
    expect(errorOf(only(consentShare(ALL_BUT_PNC, column([-1, 1, 1, 1, 1, 1, 1]))))?.code).toBe("#NUM!");
  });
});
