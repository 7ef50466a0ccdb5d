#ifndef FAULTLINE_CPREFETCH_H
#define FAULTLINE_CPREFETCH_H

// Swift has no prefetch instruction of its own. The perceptron's tables are larger than the
// caches, so scoring asks for all of a step's table lines before it reads any: a prefetch
// retires at once, where a load that misses holds up everything after it.
static inline __attribute__((always_inline)) void faultline_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
