#ifndef FAULTLINE_CLIBXML2_SHIM_H
#define FAULTLINE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; its UErrorCode clashes with Foundation's bundled ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a C global function pointer, which Swift 6 will not read; wrap it.
static inline void faultline_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
