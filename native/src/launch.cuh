// One way to launch a kernel from the kernels' JNI functions: vaml4j::launch(kernel, grid, block,
// stream, args...) is kernel<<<grid, block, 0, stream>>>(args...). Keeping the launch in one place
// (no triple chevrons in the kernel files) lets the kernels' host code be compiled by a plain C++
// compiler against a CPU emulation of the CUDA runtime for index checks (define VAML4J_EMULATE and
// provide vaml4j::launch there).
#pragma once
#include <cuda_runtime.h>

namespace vaml4j {

#ifndef VAML4J_EMULATE
template <typename... P, typename... A>
inline void launch(void (*kernel)(P...), dim3 grid, dim3 block, cudaStream_t s, A... args) {
    static_assert(sizeof...(P) == sizeof...(A), "launch: argument count");
    kernel<<<grid, block, 0, s>>>(static_cast<P>(args)...);
}
#endif

}  // namespace vaml4j
