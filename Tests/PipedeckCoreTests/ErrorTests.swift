import XCTest

@testable import PipedeckCore

final class ErrorTests: XCTestCase {
    let t = Fixed.later(5)

    func testUnknownDealForEveryAction() {
        let b = smallBoard()
        let ghost = Deal(id: "nope42", title: "Ghost", value: Money(units: 1), stage: "lead", createdAt: t)
        let actions: [Action] = [
            .update(ghost), .delete(id: "nope42"), .move(id: "nope42", toStage: "lead"),
            .shift(id: "nope42", by: 1), .reorder(id: "nope42", by: 1), .markWon(id: "nope42"),
            .markLost(id: "nope42", reason: "Price"), .reopen(id: "nope42"),
            .addActivity(dealID: "nope42", step("Call")),
            .completeActivity(dealID: "nope42", activityID: "step0001", outcome: nil),
        ]
        for a in actions {
            assertThrows(.unknownDeal("nope42")) { () throws(PipelineError) in try b.apply(a, at: t) }
        }
        // A prefix is not an id for actions.
        assertThrows(.unknownDeal("aaa1")) { () throws(PipelineError) in try b.apply(.markWon(id: "aaa1"), at: t) }
    }

    func testUnknownStage() {
        let b = smallBoard()
        assertThrows(.unknownStage("nowhere")) { () throws(PipelineError) in
            try b.apply(.move(id: "aaa111", toStage: "nowhere"), at: t)
        }
        var d = b.deal("aaa111")!
        d.stage = "nowhere"
        assertThrows(.unknownStage("nowhere")) { () throws(PipelineError) in try b.apply(.update(d), at: t) }
        let fresh = Deal(id: "new001", title: "New", value: Money(units: 1), stage: "nowhere", createdAt: t)
        assertThrows(.unknownStage("nowhere")) { () throws(PipelineError) in try b.apply(.add(fresh), at: t) }
        // Names and positions are for resolveStage, not for actions.
        assertThrows(.unknownStage("Proposal")) { () throws(PipelineError) in
            try b.apply(.move(id: "aaa111", toStage: "Proposal"), at: t)
        }
    }

    func testInvalidFieldsOnAdd() {
        let b = smallBoard()
        func deal(_ f: (inout Deal) -> Void) -> Deal {
            var d = Deal(id: "new001", title: "New", value: Money(units: 1), stage: "lead", createdAt: t)
            f(&d); return d
        }
        assertInvalid("title") { () throws(PipelineError) in try b.apply(.add(deal { $0.title = "" }), at: t) }
        assertInvalid("title") { () throws(PipelineError) in try b.apply(.add(deal { $0.title = "  \n " }), at: t) }
        assertInvalid("value") { () throws(PipelineError) in
            try b.apply(.add(deal { $0.value = Money(cents: -1) }), at: t)
        }
        assertInvalid("value") { () throws(PipelineError) in
            try b.apply(.add(deal { $0.value = money("1.234") }), at: t)
        }
        assertInvalid("value") { () throws(PipelineError) in
            try b.apply(.add(deal { $0.value = Money(micros: 1) }), at: t)
        }
        assertInvalid("probability") { () throws(PipelineError) in
            try b.apply(.add(deal { $0.probability = Percent(hundredths: 10_001) }), at: t)
        }
        assertInvalid("probability") { () throws(PipelineError) in
            try b.apply(.add(deal { $0.probability = Percent(101) }), at: t)
        }
        assertInvalid("id") { () throws(PipelineError) in try b.apply(.add(deal { $0.id = "aaa111" }), at: t) }
        assertInvalid("id") { () throws(PipelineError) in try b.apply(.add(deal { $0.id = "" }), at: t) }
        assertInvalid("currency") { () throws(PipelineError) in try b.apply(.add(deal { $0.currency = "usd" }), at: t) }
    }

    func testBoundaryValuesAreValid() throws {
        let b = smallBoard()
        var d = Deal(id: "new001", title: "x", value: .zero, stage: "lead", createdAt: t, probability: .hundred)
        XCTAssertTrue(try b.apply(.add(d), at: t).changed)
        d.value = money("0.01"); d.probability = .zero
        XCTAssertTrue(try b.apply(.add(d), at: t).changed)
        d.value = money("99999999999.99"); d.currency = "JPY"
        XCTAssertTrue(try b.apply(.add(d), at: t).changed)
    }

    func testInvalidFieldsOnUpdate() {
        let b = smallBoard()
        func edited(_ f: (inout Deal) -> Void) -> Deal { var d = b.deal("bbb333")!; f(&d); return d }
        assertInvalid("title") { () throws(PipelineError) in try b.apply(.update(edited { $0.title = " " }), at: t) }
        assertInvalid("value") { () throws(PipelineError) in
            try b.apply(.update(edited { $0.value = Money(units: -5) }), at: t)
        }
        assertInvalid("value") { () throws(PipelineError) in
            try b.apply(.update(edited { $0.value = money("10.005") }), at: t)
        }
        assertInvalid("probability") { () throws(PipelineError) in
            try b.apply(.update(edited { $0.probability = Percent(hundredths: 10_050) }), at: t)
        }
    }

    func testAnActivityNeedsASubjectAndSaneTimes() {
        let b = smallBoard()
        assertInvalid("subject") { () throws(PipelineError) in
            try b.apply(.addActivity(dealID: "aaa111", step("   ")), at: t)
        }
        var long = step("Workshop", due: Fixed.today)
        long.duration = 1441
        assertInvalid("duration") { () throws(PipelineError) in try b.apply(.addActivity(dealID: "aaa111", long), at: t)
        }
        var noDay = step("Call")
        noDay.time = TimeOfDay(hour: 9, minute: 0)
        assertInvalid("time") { () throws(PipelineError) in try b.apply(.addActivity(dealID: "aaa111", noDay), at: t) }
        assertThrows(.unknownActivity("ghost")) { () throws(PipelineError) in
            try b.apply(.completeActivity(dealID: "aaa111", activityID: "ghost", outcome: nil), at: t)
        }
    }

    func testABadEmailOrPhoneIsRefused() {
        let b = smallBoard()
        for bad in ["ana", "ana@", "@example.com", "ana@example", "ana@@example.com", "ana example@x.com", "a@b..com"] {
            var d = b.deal("aaa111")!
            d.email = bad
            assertInvalid("email") { () throws(PipelineError) in try b.apply(.update(d), at: t) }
        }
        for bad in ["call me", "12", "+33 six"] {
            var d = b.deal("aaa111")!
            d.phone = bad
            assertInvalid("phone") { () throws(PipelineError) in try b.apply(.update(d), at: t) }
        }
        var good = b.deal("aaa111")!
        good.email = "élodie.dupré+sales@boulangerie-dupre.fr"
        good.phone = "+33 (0)6 12-34.56/78 ext. 12"
        XCTAssertNoThrow(try b.apply(.update(good), at: t))
    }

    func testErrorsDescribeThemselves() {
        XCTAssertTrue(Strings.describe(.unknownDeal("abc")).contains("abc"))
        XCTAssertTrue(Strings.describe(.unknownStage("xyz")).contains("xyz"))
        let amb = Strings.describe(.ambiguousDeal("d0", candidates: ["d01lea", "d02lea"]))
        XCTAssertTrue(amb.contains("d01lea") && amb.contains("d02lea"))
        XCTAssertTrue(Strings.describe(.invalid(field: "value", reason: Strings.negativeValue)).hasPrefix("value"))
    }
}
