import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

final class ICSWriterTests: XCTestCase {
    static let stamp = Timestamp.parse("2026-05-20T08:30:05Z")!

    func calendar(_ events: [ICSEvent], name: String? = "Sales — next actions") -> String {
        ICSWriter.calendar(name: name, events: events)
    }

    /// Physical lines as bytes, split on CRLF (the last, empty piece dropped).
    func physicalLines(_ text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                lines.append(current); current = []; i += 2; continue
            }
            current.append(bytes[i]); i += 1
        }
        XCTAssertTrue(current.isEmpty, "the file ends with CRLF")
        return lines
    }

    /// Content lines after unfolding (RFC 5545 §3.1).
    func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for ch in s {
            if escaped {
                out.append(ch == "n" || ch == "N" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    func testStructureOfACalendar() {
        let e = ICSEvent(
            uid: "k7q2mx@pipedeck", stamp: ICSWriterTests.stamp, day: Day.parse("2026-06-01")!,
            summary: "Send the quote — Website (Dupré)", description: "Value: €4,800\nStage: Proposal",
            categories: ["smb", "web"])
        let text = calendar([e])
        XCTAssertEqual(
            unfolded(text),
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Pipedeck//Pipedeck//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Sales — next actions",
                "BEGIN:VEVENT",
                "UID:k7q2mx@pipedeck",
                "DTSTAMP:20260520T083005Z",
                "DTSTART;VALUE=DATE:20260601",
                "DTEND;VALUE=DATE:20260602",
                "SUMMARY:Send the quote — Website (Dupré)",
                "DESCRIPTION:Value: €4\\,800\\nStage: Proposal",
                "CATEGORIES:smb,web",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "END:VCALENDAR",
            ])
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "no bare CR")
        XCTAssertEqual(
            calendar([]).components(separatedBy: "BEGIN:VEVENT").count, 1, "an empty calendar is still a calendar")
    }

    /// RFC 5545 wants at least one component: a calendar without events holds the description
    /// of UTC (which nothing uses), so it is valid and shows nothing.
    func testACalendarWithoutEventsIsStillValid() {
        let lines = unfolded(calendar([]))
        XCTAssertEqual(lines.first, "BEGIN:VCALENDAR")
        XCTAssertEqual(lines.last, "END:VCALENDAR")
        let begins = lines.filter { $0.hasPrefix("BEGIN:") }.map { String($0.dropFirst(6)) }
        XCTAssertEqual(begins, ["VCALENDAR", "VTIMEZONE", "STANDARD"])
        for required in ["TZID:UTC", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000"] {
            XCTAssertTrue(lines.contains(required), required)
        }
        XCTAssertEqual(lines.filter { $0.hasPrefix("BEGIN:") }.count, lines.filter { $0.hasPrefix("END:") }.count)
        // With events, no time zone is added.
        let one = ICSEvent(
            uid: "a@pipedeck", stamp: ICSWriterTests.stamp, day: Day.parse("2026-06-01")!, summary: "Call")
        XCTAssertFalse(calendar([one]).contains("VTIMEZONE"))
    }

    func testTextEscaping() {
        XCTAssertEqual(ICSWriter.escape("a,b;c\\d\ne\r\nf\tg\u{07}h"), "a\\,b\\;c\\\\d\\ne\\nf gh")
        let summary = "Call back; ask \"why\", then \\ decide\nnow"
        let text = calendar([
            ICSEvent(uid: "x@pipedeck", stamp: ICSWriterTests.stamp, day: Day.parse("2026-01-31")!, summary: summary)
        ])
        let line = unfolded(text).first { $0.hasPrefix("SUMMARY:") }!
        XCTAssertEqual(unescape(String(line.dropFirst("SUMMARY:".count))), summary)
    }

    func testFoldingAt75OctetsNeverSplitsACharacter() {
        // Long text mixing 1-, 2-, 3- and 4-byte characters so that every cut position is tried.
        var long = ""
        for i in 0..<60 { long += ["a", "é", "日", "🚀", " ", ","][i % 6] + String(i) }
        let events = (0..<6).map { n in
            ICSEvent(
                uid: "d\(n)@pipedeck", stamp: ICSWriterTests.stamp, day: Day.parse("2026-07-0\(n + 1)")!,
                summary: String(long.dropFirst(n)), description: String(repeating: "Société Générale — ", count: 8 + n))
        }
        let text = calendar(events)
        let lines = physicalLines(text)
        XCTAssertGreaterThan(lines.count, 40)
        for l in lines {
            XCTAssertLessThanOrEqual(l.count, 75, String(decoding: l, as: UTF8.self))
            XCTAssertNotNil(String(validating: l, as: UTF8.self), "a line cut inside a UTF-8 sequence")
        }
        XCTAssertTrue(lines.contains { $0.count >= 72 }, "lines are filled up to the limit")
        // Unfolding gives back the exact content lines.
        let summaries = unfolded(text).filter { $0.hasPrefix("SUMMARY:") }.map { unescape(String($0.dropFirst(8))) }
        XCTAssertEqual(summaries, events.map(\.summary))
        XCTAssertEqual(ICSWriter.fold(String(repeating: "x", count: 75)), String(repeating: "x", count: 75) + "\r\n")
        XCTAssertEqual(
            ICSWriter.fold(String(repeating: "x", count: 76)),
            String(repeating: "x", count: 75) + "\r\n x\r\n")
    }

    /// A timed activity starts at its time on the reader's clock (a floating time) and lasts its
    /// duration; without a duration it is a moment; without a time it takes the whole day.
    func testTimedEventsStartAtTheirTimeAndLastTheirDuration() {
        let day = Day.parse("2026-12-03")!
        let text = calendar([
            ICSEvent(
                uid: "a1@pipedeck", stamp: ICSWriterTests.stamp, day: day, time: TimeOfDay(hour: 9, minute: 5),
                duration: 90, summary: "Meeting"),
            ICSEvent(
                uid: "a2@pipedeck", stamp: ICSWriterTests.stamp, day: day, time: TimeOfDay(hour: 23, minute: 59),
                summary: "Call"),
            ICSEvent(uid: "a3@pipedeck", stamp: ICSWriterTests.stamp, day: day, summary: "Deadline"),
        ])
        let events = text.components(separatedBy: "BEGIN:VEVENT").dropFirst().map(unfolded)
        XCTAssertEqual(events.count, 3)
        XCTAssertTrue(events[0].contains("DTSTART:20261203T090500"), "\(events[0])")
        XCTAssertTrue(events[0].contains("DURATION:PT90M"))
        XCTAssertFalse(events[0].contains { $0.hasPrefix("DTEND") })
        XCTAssertTrue(events[0].contains("TRANSP:OPAQUE"))
        XCTAssertTrue(events[1].contains("DTSTART:20261203T235900"))
        XCTAssertFalse(events[1].contains { $0.hasPrefix("DURATION") || $0.hasPrefix("DTEND") }, "a moment")
        XCTAssertTrue(events[2].contains("DTSTART;VALUE=DATE:20261203"))
        XCTAssertTrue(events[2].contains("DTEND;VALUE=DATE:20261204"))
        XCTAssertTrue(events[2].contains("TRANSP:TRANSPARENT"))
        for e in events { XCTAssertFalse(e.contains { $0.hasPrefix("DTSTART") && $0.hasSuffix("Z") }, "floating") }
    }
}
