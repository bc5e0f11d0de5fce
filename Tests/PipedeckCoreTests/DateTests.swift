import XCTest

@testable import PipedeckCore

final class DayTests: XCTestCase {
    func testParseValidDays() {
        XCTAssertEqual(Day.parse("2024-02-29"), Day(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(Day.parse("2024-02-29"))
        XCTAssertEqual(Day.parse("1970-01-01")?.ordinal, 0)
        XCTAssertEqual(Day.parse("2026-11-30")?.ordinal, 20_787)
        XCTAssertEqual(Day.parse("2000-02-29")?.description, "2000-02-29")
        XCTAssertEqual(Day.parse("9999-12-31")?.description, "9999-12-31")
    }

    func testParseIsStrict() {
        for bad in [
            "2026-02-29", "2026-13-45", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31",
            "2026-01-32", "1900-02-29", "2100-02-29", "0000-01-01",
            "2026-1-05", "2026-01-5", "26-01-05", "2026/01/05", "2026-01-05 ", " 2026-01-05",
            "2026-01-05T00:00:00Z", "", "yyyy-mm-dd", "2026-0a-05", "+026-01-05", "2026--1-05",
        ] {
            XCTAssertNil(Day.parse(bad), "\"\(bad)\" should be rejected")
        }
    }

    func testInitValidatesComponents() {
        XCTAssertNil(Day(year: 2026, month: 2, day: 29))
        XCTAssertNotNil(Day(year: 2024, month: 2, day: 29))
        XCTAssertNil(Day(year: 2026, month: 13, day: 1))
        XCTAssertNil(Day(year: 2026, month: 6, day: 31))
        XCTAssertNil(Day(year: 0, month: 1, day: 1))
    }

    func testLeapYears() {
        XCTAssertTrue(Day.isLeap(2024))
        XCTAssertTrue(Day.isLeap(2000))
        XCTAssertFalse(Day.isLeap(1900))
        XCTAssertFalse(Day.isLeap(2100))
        XCTAssertFalse(Day.isLeap(2026))
        XCTAssertEqual(Day.daysIn(month: 2, year: 2024), 29)
        XCTAssertEqual(Day.daysIn(month: 2, year: 2026), 28)
        XCTAssertEqual(Day.daysIn(month: 4, year: 2026), 30)
        XCTAssertEqual(Day.daysIn(month: 12, year: 2026), 31)
    }

    func testArithmeticAcrossMonthAndYearEnds() {
        func d(_ s: String) -> Day { Day.parse(s)! }
        XCTAssertEqual(d("2026-01-31").adding(days: 1), d("2026-02-01"))
        XCTAssertEqual(d("2025-12-31").adding(days: 1), d("2026-01-01"))
        XCTAssertEqual(d("2026-01-01").adding(days: -1), d("2025-12-31"))
        XCTAssertEqual(d("2024-02-28").adding(days: 1), d("2024-02-29"))
        XCTAssertEqual(d("2024-02-29").adding(days: 1), d("2024-03-01"))
        XCTAssertEqual(d("2026-02-28").adding(days: 1), d("2026-03-01"))
        XCTAssertEqual(d("2026-03-01").adding(days: -1), d("2026-02-28"))
        XCTAssertEqual(d("2026-11-30").adding(days: 31), d("2026-12-31"))
        XCTAssertEqual(d("2026-11-30").adding(days: 32), d("2027-01-01"))
        XCTAssertEqual(d("2024-01-01").adding(days: 366), d("2025-01-01"))
        XCTAssertEqual(d("2026-01-01").adding(days: 365), d("2027-01-01"))
        XCTAssertEqual(d("1970-01-01").adding(days: -1), d("1969-12-31"))
        XCTAssertEqual(d("2026-01-01").days(until: d("2027-01-01")), 365)
        XCTAssertEqual(d("2024-01-01").days(until: d("2025-01-01")), 366)
        XCTAssertEqual(d("2026-12-01").days(until: d("2026-11-30")), -1)
        XCTAssertEqual(d("2026-11-30").days(until: d("2026-11-30")), 0)
    }

    func testComponentsRoundTripOverManyYears() {
        // Every day from 1899 to 2101 converts to text and back, and consecutive days are consecutive.
        var day = Day(year: 1899, month: 1, day: 1)!
        let end = Day(year: 2101, month: 12, day: 31)!
        var previous: (Int, Int, Int)? = nil
        while day <= end {
            let c = day.components
            XCTAssertEqual(Day(year: c.year, month: c.month, day: c.day), day)
            XCTAssertEqual(Day.parse(day.description), day)
            if let p = previous {
                let next =
                    p.2 < Day.daysIn(month: p.1, year: p.0)
                    ? (p.0, p.1, p.2 + 1)
                    : p.1 < 12 ? (p.0, p.1 + 1, 1) : (p.0 + 1, 1, 1)
                XCTAssertTrue(next == (c.year, c.month, c.day), "\(day)")
            }
            previous = (c.year, c.month, c.day)
            day = day.adding(days: 1)
        }
    }

    func testWeekday() {
        // 0 = Monday … 6 = Sunday
        XCTAssertEqual(Day.parse("1970-01-01")!.weekday, 3) // Thursday
        XCTAssertEqual(Day.parse("1969-12-31")!.weekday, 2) // Wednesday
        XCTAssertEqual(Day.parse("2000-01-01")!.weekday, 5) // Saturday
        XCTAssertEqual(Day.parse("2024-02-29")!.weekday, 3) // Thursday
        XCTAssertEqual(Day.parse("2026-11-30")!.weekday, 0) // Monday
        XCTAssertEqual(Day.parse("2026-11-29")!.weekday, 6) // Sunday
        XCTAssertEqual(Day.parse("2100-03-01")!.weekday, 0) // Monday
        XCTAssertEqual(Day.parse("1900-01-01")!.weekday, 0) // Monday
        var d = Day.parse("1960-01-01")!
        for _ in 0..<1000 {
            XCTAssertEqual(d.adding(days: 1).weekday, (d.weekday + 1) % 7)
            XCTAssertTrue((0...6).contains(d.weekday))
            d = d.adding(days: 1)
        }
    }

    func testOrderingAndAccessors() {
        let a = Day.parse("2026-11-30")!, b = Day.parse("2026-12-01")!
        XCTAssertLessThan(a, b)
        XCTAssertEqual(a.year, 2026)
        XCTAssertEqual(a.month, 11)
        XCTAssertEqual(b.description, "2026-12-01")
    }
}

final class TimestampTests: XCTestCase {
    func testFormat() {
        XCTAssertEqual(Timestamp(seconds: 0).description, "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp(seconds: -1).description, "1969-12-31T23:59:59Z")
        XCTAssertEqual(Fixed.now.description, "2026-11-30T09:00:00Z")
        XCTAssertEqual(Timestamp(seconds: 1_795_996_800 + 9 * 3600 + 15 * 60).description, "2026-11-30T09:15:00Z")
        XCTAssertEqual(Timestamp(seconds: 1_709_164_800 + 86_399).description, "2024-02-29T23:59:59Z")
    }

    func testParseUTC() {
        XCTAssertEqual(Timestamp.parse("2026-11-30T09:15:00Z"), Timestamp(seconds: 1_795_996_800 + 9 * 3600 + 900))
        XCTAssertEqual(Timestamp.parse("1970-01-01T00:00:00Z"), Timestamp(seconds: 0))
        XCTAssertEqual(Timestamp.parse("2026-11-30t09:15:00z"), Timestamp.parse("2026-11-30T09:15:00Z"))
    }

    func testParseOffsets() {
        let utc = Timestamp.parse("2026-11-30T09:15:00Z")!
        XCTAssertEqual(Timestamp.parse("2026-11-30T11:15:00+02:00"), utc)
        XCTAssertEqual(Timestamp.parse("2026-11-30T03:45:00-05:30"), utc)
        XCTAssertEqual(Timestamp.parse("2026-11-30T09:15:00+00:00"), utc)
        XCTAssertEqual(Timestamp.parse("2026-12-01T01:15:00+16:00")?.description, "2026-11-30T09:15:00Z")
        // Across a day and a year boundary.
        XCTAssertEqual(Timestamp.parse("2027-01-01T00:30:00+01:00")?.description, "2026-12-31T23:30:00Z")
        XCTAssertEqual(Timestamp.parse("2026-12-31T23:30:00-01:00")?.description, "2027-01-01T00:30:00Z")
    }

    func testParseFractionalSecondsAreDropped() {
        let utc = Timestamp.parse("2026-11-30T09:15:00Z")!
        XCTAssertEqual(Timestamp.parse("2026-11-30T09:15:00.5Z"), utc)
        XCTAssertEqual(Timestamp.parse("2026-11-30T09:15:00.999999Z"), utc)
        XCTAssertEqual(Timestamp.parse("2026-11-30T10:15:00.123+01:00"), utc)
    }

    func testParseRejectsMalformed() {
        for bad in [
            "", "2026-11-30", "2026-11-30T09:15:00", "2026-11-30 09:15:00Z", "2026-11-30T09:15Z",
            "2026-11-30T24:00:00Z", "2026-11-30T09:60:00Z", "2026-11-30T09:15:00.Z",
            "2026-11-30T09:15:00+02", "2026-11-30T09:15:00+0200", "2026-11-30T09:15:00Z ",
            "2026-02-29T09:15:00Z", "2026-11-30T09:15:00ZZ", "2026-11-30T9:15:00Z",
            "2026-11-30T09:15:00X",
        ] {
            XCTAssertNil(Timestamp.parse(bad), "\"\(bad)\" should be rejected")
        }
    }

    func testFormatParseRoundTrip() {
        var g = SeededGenerator(seed: 2026)
        for _ in 0..<2_000 {
            // From 1901 to 2099.
            let s = Int64(g.next() % 6_279_000_000) - 2_177_452_800
            let t = Timestamp(seconds: s)
            XCTAssertEqual(Timestamp.parse(t.description), t, t.description)
        }
    }

    func testUTCDayAndZonedDay() {
        let t = Timestamp.parse("2026-11-30T23:30:00Z")!
        XCTAssertEqual(t.utcDay, Day.parse("2026-11-30"))
        XCTAssertEqual(t.day(in: TimeZone(secondsFromGMT: 3600)!), Day.parse("2026-12-01"))
        XCTAssertEqual(t.day(in: TimeZone(secondsFromGMT: -3600 * 5)!), Day.parse("2026-11-30"))
        let early = Timestamp.parse("2026-01-01T00:30:00Z")!
        XCTAssertEqual(early.day(in: TimeZone(secondsFromGMT: -3600)!), Day.parse("2025-12-31"))
        XCTAssertEqual(Timestamp(seconds: -1).utcDay, Day.parse("1969-12-31"))
        XCTAssertEqual(Day.today(at: t, in: TimeZone(secondsFromGMT: 0)!), Day.parse("2026-11-30"))
    }

    func testAdding() {
        XCTAssertEqual(Fixed.now.adding(days: 1).description, "2026-12-01T09:00:00Z")
        XCTAssertEqual(Fixed.now.adding(seconds: -9 * 3600 - 1).description, "2026-11-29T23:59:59Z")
        XCTAssertLessThan(Fixed.now, Fixed.now.adding(seconds: 1))
    }
}
