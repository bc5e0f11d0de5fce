#ifndef PIPEDECK_CNCURSESW_SHIM_H
#define PIPEDECK_CNCURSESW_SHIM_H

/* Wide-character curses: without this, cchar_t, setcchar, mvwadd_wch and
   wget_wch are not declared. */
#define NCURSES_WIDECHAR 1

#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* glibc only declares wcwidth with _XOPEN_SOURCE; declaring it again is harmless. */
extern int wcwidth(wchar_t c);

/* ------------------------------------------------------------------ */
/* Global variables Swift 6 refuses (not concurrency-safe): accessors.  */

static inline WINDOW *pd_stdscr(void) { return stdscr; }
static inline WINDOW *pd_curscr(void) { return curscr; }
static inline int pd_lines(void) { return LINES; }
static inline int pd_cols(void) { return COLS; }
static inline int pd_color_pairs(void) { return COLOR_PAIRS; }
static inline int pd_colors(void) { return COLORS; }
static inline int pd_escdelay(void) { return ESCDELAY; }
static inline FILE *pd_stdin(void) { return stdin; }
static inline FILE *pd_stdout(void) { return stdout; }

/* ------------------------------------------------------------------ */
/* Attributes (cast macros are not imported).                          */

static const attr_t PD_A_NORMAL = A_NORMAL;
static const attr_t PD_A_STANDOUT = A_STANDOUT;
static const attr_t PD_A_UNDERLINE = A_UNDERLINE;
static const attr_t PD_A_REVERSE = A_REVERSE;
static const attr_t PD_A_BLINK = A_BLINK;
static const attr_t PD_A_DIM = A_DIM;
static const attr_t PD_A_BOLD = A_BOLD;
static const attr_t PD_A_ITALIC = A_ITALIC;
static const attr_t PD_A_COLOR = A_COLOR;

/* ------------------------------------------------------------------ */
/* Mouse masks.                                                         */

static const mmask_t PD_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t PD_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t PD_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t PD_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
static const mmask_t PD_BUTTON1_TRIPLE_CLICKED = BUTTON1_TRIPLE_CLICKED;
static const mmask_t PD_BUTTON2_PRESSED = BUTTON2_PRESSED;
static const mmask_t PD_BUTTON2_RELEASED = BUTTON2_RELEASED;
static const mmask_t PD_BUTTON3_PRESSED = BUTTON3_PRESSED;
static const mmask_t PD_BUTTON3_RELEASED = BUTTON3_RELEASED;
static const mmask_t PD_BUTTON4_PRESSED = BUTTON4_PRESSED;
#if NCURSES_MOUSE_VERSION > 1
static const mmask_t PD_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const mmask_t PD_BUTTON5_PRESSED = 0;
#endif
static const mmask_t PD_BUTTON_SHIFT = BUTTON_SHIFT;
static const mmask_t PD_BUTTON_CTRL = BUTTON_CTRL;
static const mmask_t PD_BUTTON_ALT = BUTTON_ALT;
static const mmask_t PD_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t PD_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;

/* ------------------------------------------------------------------ */
/* Function-like macros.                                                */

static inline int pd_key_f(int n) { return KEY_F(n); }

/* tigetstr returns (char *)-1 for a name that is not a string capability. */
static inline const char *pd_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == (char *)-1) return NULL;
    return value;
}

static inline int pd_wcwidth(uint32_t c) { return wcwidth((wchar_t)c); }

/* Fill a cchar_t from one spacing character plus up to CCHARW_MAX-1
   non-spacing ones. The colour pair travels through `opts` so that pairs
   above 32767 work (ncurses 6.1+ extended colours). */
static inline int pd_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    short shortPair = (short)(pair > 32767 ? 0 : pair);
#if NCURSES_EXT_COLORS
    return setcchar(cell, text, attrs, shortPair, &pair);
#else
    return setcchar(cell, text, attrs, shortPair, NULL);
#endif
}

static inline int pd_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    return init_pair((short)pair, (short)fg, (short)bg);
#endif
}

/* ------------------------------------------------------------------ */
/* Signals. sa_handler is a union member behind a macro in glibc, which
   Swift cannot reach; these helpers wrap sigaction.                    */

typedef void (*pd_signal_handler_t)(int);

/* Install `handler` for `sig` without SA_RESTART, so that a blocking
   read() in the input loop returns EINTR. Returns 0 on success. */
static inline int pd_install_signal_handler(int sig, pd_signal_handler_t handler) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(sig, &action, NULL);
}

/* Save the current disposition of `sig` into *saved and set `disposition`
   (SIG_DFL or SIG_IGN selected by `ignore`). */
static inline int pd_signal_swap(int sig, int ignore, struct sigaction *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ignore ? SIG_IGN : SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, saved);
}

static inline int pd_signal_restore(int sig, const struct sigaction *saved) {
    return sigaction(sig, saved, NULL);
}

/* Make sure `sig` is not blocked (a parent may have blocked it). */
static inline void pd_unblock_signal(int sig) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* Async-signal-safe integer flag operations. */
static inline void pd_atomic_store_int(int *p, int value) {
    __atomic_store_n(p, value, __ATOMIC_SEQ_CST);
}
static inline int pd_atomic_load_int(int *p) {
    return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}
static inline int pd_atomic_exchange_int(int *p, int value) {
    return __atomic_exchange_n(p, value, __ATOMIC_SEQ_CST);
}
/* Store `desired` if *p still holds `expected`; returns 1 if it did. */
static inline int pd_atomic_cas_int(int *p, int expected, int desired) {
    return __atomic_compare_exchange_n(p, &expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Locale.                                                              */

/* 1 when the current LC_CTYPE codeset is UTF-8. */
static inline int pd_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0
        || strcmp(codeset, "UTF8") == 0 || strcmp(codeset, "utf-8") == 0;
}

#endif
