import CNcursesw
import PipedeckUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns what `wget_wch` returns into `Key`s.
struct KeyDecoder {
    /// Key codes that curses assigned at run time to terminfo's extended
    /// (user-defined) capabilities such as kUP / kDN: xterm's shifted arrows.
    private var extended: [Int32: Key] = [:]

    /// The extended capability names we understand. xterm names the
    /// shift-modified arrows kUP/kDN/kLFT/kRIT; some descriptions also carry a
    /// "2" (the xterm modifier parameter for Shift).
    private static let extendedNames: [(String, Key)] = [
        ("kUP", .shiftUp), ("kUP2", .shiftUp),
        ("kDN", .shiftDown), ("kDN2", .shiftDown),
        ("kLFT", .shiftLeft), ("kLFT2", .shiftLeft),
        ("kRIT", .shiftRight), ("kRIT2", .shiftRight),
    ]

    /// Sequences that common terminals (and tmux, whatever TERM says) send
    /// for keys a terminfo entry may not list, e.g. tmux sends ESC[1~ for
    /// Home while xterm-256color's khome is ESC OH. Bound only when the
    /// sequence is free.
    private static let fallbackSequences: [(String, Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB),
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}[1;2A", KEY_SR), ("\u{1B}[1;2B", KEY_SF), ("\u{1B}[1;2C", KEY_SRIGHT), ("\u{1B}[1;2D", KEY_SLEFT),
    ]

    /// Must be called after curses started (needs the terminfo entry).
    mutating func loadTerminfo() {
        extended.removeAll()
        for (name, key) in Self.extendedNames {
            guard let sequence = pd_tigetstr(name) else { continue }
            let code = key_defined(sequence)
            if code > 0 { extended[code] = key }
        }
        for (sequence, code) in Self.fallbackSequences where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }

    /// A key code (`wget_wch` returned KEY_CODE_YES). nil: not a key we use.
    func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        // Some terminfo entries (xterm under tmux) call Home/End find/select.
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            break
        }
        let f0 = pd_key_f(0)
        if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
        if let key = extended[code] { return key }
        // Fall back on the name curses gives the code.
        if let namePointer = keyname(code) {
            switch String(cString: namePointer) {
            case "kUP", "kUP2": return .shiftUp
            case "kDN", "kDN2": return .shiftDown
            case "kLFT", "kLFT2": return .shiftLeft
            case "kRIT", "kRIT2": return .shiftRight
            default: return nil
            }
        }
        return nil
    }

    /// A character (`wget_wch` returned OK). nil: nothing we use (C1
    /// controls, invalid scalars).
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 13, 10: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 0: return .ctrl("@") // Ctrl-Space / Ctrl-@
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(0x60) + UInt8(value))))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
