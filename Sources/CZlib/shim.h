#ifndef FAULTLINE_CZLIB_SHIM_H
#define FAULTLINE_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro; expose it as a function Swift can call.
static inline int faultline_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
