#ifndef PIPEDECK_MAP_GUARD_H
#define PIPEDECK_MAP_GUARD_H

#include <stddef.h>

/* A board file mapped into memory (PipedeckStorage's ReadBuffer) can be cut short by another
   program while Pipedeck reads it (an editor that saves in place truncates the file first);
   touching a page past the new end then raises SIGBUS, which would end the program.

   While a mapping is guarded, such a fault puts a page of zeros where the file's page was and
   the read goes on; the guard records it, and the reader throws the bytes away and reads the
   file again. A SIGBUS anywhere else is left to what was there before (by default, the end of
   the program), exactly as if no guard had been installed. */

/* Guards the `length` bytes from `start`; returns a slot to give to pd_map_unguard, or -1
   when every slot is in use (the caller then reads the file instead of mapping it). */
int pd_map_guard(const void *start, size_t length);

/* Ends the guard of `slot`; returns how many pages were replaced by zeros while it lasted
   (0: every byte read was the file's). */
int pd_map_unguard(int slot);

#endif
