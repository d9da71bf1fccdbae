// The CPU emulation of the CUDA runtime subset that native/src uses (declared in
// include/cuda_runtime.h). Together with the unchanged native/src/*.cu, compiled as C++, it makes
// libvaml4j_cuda_emu.so: the real JNI functions (runtime.cu and the kernel files) on host memory.
//
// - Device memory: one reserved, inaccessible arena of address space; each allocation gets its
//   own pages with an inaccessible guard page on either side, its end placed against the guard
//   page after it (start aligned to VAML4J_EMU_ALIGN, default 16 bytes), the few slack bytes
//   around it filled with a canary that is checked after every kernel. A stray access beyond a
//   buffer faults, and the fault is reported as the GPU's cudaErrorIllegalAddress, naming the
//   kernel, block, thread and the buffer the address is next to. Freed memory is never reused
//   soon (the arena is walked round-robin), so a use after free faults too.
// - Kernels: a launch runs its blocks one after another on the calling OS thread; each CUDA
//   thread of a block is a fiber (ucontext) with its own stack, and __syncthreads switches back to
//   the block scheduler, which resumes the threads only when all of them wait at the same barrier.
//   A block whose first thread returns without reaching a barrier runs its other threads as plain
//   calls (a barrier there would be a divergent one, reported as such).
// - Streams are trivial (everything runs at the call); a capture records the launches and device
//   copies of its stream as closures, a graph launch runs them in order.
// - Errors: a failed call returns the real error code and sets the thread's last error; a fault in
//   a kernel (guard page, canary, misaligned vector access, divergent barrier, integer division by
//   zero, stack overflow) is printed and becomes a sticky error that every later call returns, as
//   a fault spoils a CUDA context. VAML4J_EMU_ON_ERROR=abort aborts the process instead.
//
// Settings (environment variables, read once): see native/emu/README.md.
#include <cuda_runtime.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cinttypes>
#include <csetjmp>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <deque>
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include <unordered_map>
#include <vector>

struct CUstream_st;
struct CUgraph_st;
struct CUgraphExec_st;

namespace vaml4j_emu {

thread_local Ids ids;

namespace {

// ======================================================================== settings

enum class Order { Forward, Reverse, Shuffle };

struct Config {
    Order order = Order::Forward;
    unsigned long long seed = 1;
    size_t align = 16;
    bool canaries = true;
    bool abortOnError = false;
    bool trace = false;
    size_t memory = 0;
    int sms = 132;
    size_t stack = 256 * 1024;
    bool ucontext = false;
    bool raceCheck = false;
    bool poison = true;      // fill shared memory with 0xff before each block  // run each kernel forward and reverse and compare the buffers it reaches   // switch fibers with swapcontext (a system call each) instead of the x86-64 switch
};

size_t parseSize(const char* s, size_t fallback) {
    if (s == nullptr || *s == 0) return fallback;
    char* end = nullptr;
    unsigned long long v = std::strtoull(s, &end, 10);
    switch (end != nullptr ? *end : 0) {
        case 'k': case 'K': v <<= 10; break;
        case 'm': case 'M': v <<= 20; break;
        case 'g': case 'G': v <<= 30; break;
        default: break;
    }
    return v == 0 ? fallback : (size_t) v;
}

Config loadConfig() {
    Config c;
    if (const char* o = std::getenv("VAML4J_EMU_ORDER")) {
        std::string s(o);
        if (s == "reverse") c.order = Order::Reverse;
        else if (s.rfind("shuffle", 0) == 0) {
            c.order = Order::Shuffle;
            if (s.size() > 8 && s[7] == ':') c.seed = std::strtoull(s.c_str() + 8, nullptr, 10);
        } else if (s != "forward") std::fprintf(stderr, "vaml4j cuda emulation: VAML4J_EMU_ORDER=%s unknown, using forward\n", o);
    }
    c.align = parseSize(std::getenv("VAML4J_EMU_ALIGN"), 16);
    if (c.align < 16 || (c.align & (c.align - 1)) != 0 || c.align > 4096) c.align = 16;
    if (const char* v = std::getenv("VAML4J_EMU_CANARIES")) c.canaries = std::string(v) != "0";
    if (const char* v = std::getenv("VAML4J_EMU_ON_ERROR")) c.abortOnError = std::string(v) == "abort";
    if (const char* v = std::getenv("VAML4J_EMU_TRACE")) c.trace = std::string(v) == "1";
    if (const char* v = std::getenv("VAML4J_EMU_RACECHECK")) c.raceCheck = std::string(v) == "1";
    if (const char* v = std::getenv("VAML4J_EMU_POISON_SHARED")) c.poison = std::string(v) != "0";
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    c.memory = parseSize(std::getenv("VAML4J_EMU_MEMORY"), pages > 0 && page > 0 ? (size_t) pages * (size_t) page : (size_t) 16 << 30);
    if (const char* v = std::getenv("VAML4J_EMU_SMS")) c.sms = std::max(1, std::atoi(v));
    c.stack = parseSize(std::getenv("VAML4J_EMU_STACK"), c.stack);
#if defined(__x86_64__)
    if (const char* v = std::getenv("VAML4J_EMU_SWITCH")) c.ucontext = std::string(v) == "ucontext";
#else
    c.ucontext = true;
#endif
    return c;
}

const Config& config() {
    static const Config c = loadConfig();
    return c;
}

size_t pageSize() {
    static const size_t p = (size_t) sysconf(_SC_PAGESIZE);
    return p;
}

size_t roundUp(size_t v, size_t a) { return (v + a - 1) / a * a; }

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

// ======================================================================== errors

const char* errorName(cudaError_t e) {
    switch (e) {
        case cudaSuccess: return "cudaSuccess";
        case cudaErrorInvalidValue: return "cudaErrorInvalidValue";
        case cudaErrorMemoryAllocation: return "cudaErrorMemoryAllocation";
        case cudaErrorInitializationError: return "cudaErrorInitializationError";
        case cudaErrorInvalidConfiguration: return "cudaErrorInvalidConfiguration";
        case cudaErrorInvalidDevicePointer: return "cudaErrorInvalidDevicePointer";
        case cudaErrorInsufficientDriver: return "cudaErrorInsufficientDriver";
        case cudaErrorNoDevice: return "cudaErrorNoDevice";
        case cudaErrorInvalidDevice: return "cudaErrorInvalidDevice";
        case cudaErrorInvalidResourceHandle: return "cudaErrorInvalidResourceHandle";
        case cudaErrorIllegalState: return "cudaErrorIllegalState";
        case cudaErrorIllegalAddress: return "cudaErrorIllegalAddress";
        case cudaErrorLaunchOutOfResources: return "cudaErrorLaunchOutOfResources";
        case cudaErrorMisalignedAddress: return "cudaErrorMisalignedAddress";
        case cudaErrorLaunchFailure: return "cudaErrorLaunchFailure";
        case cudaErrorStreamCaptureUnsupported: return "cudaErrorStreamCaptureUnsupported";
        case cudaErrorStreamCaptureInvalidated: return "cudaErrorStreamCaptureInvalidated";
        case cudaErrorStreamCaptureUnmatched: return "cudaErrorStreamCaptureUnmatched";
        case cudaErrorStreamCaptureWrongThread: return "cudaErrorStreamCaptureWrongThread";
        default: return "cudaErrorUnknown";
    }
}

const char* errorText(cudaError_t e) {
    switch (e) {
        case cudaSuccess: return "no error";
        case cudaErrorInvalidValue: return "invalid argument";
        case cudaErrorMemoryAllocation: return "out of memory";
        case cudaErrorInitializationError: return "initialization error";
        case cudaErrorInvalidConfiguration: return "invalid configuration argument";
        case cudaErrorInvalidDevicePointer: return "invalid device pointer";
        case cudaErrorInsufficientDriver: return "CUDA driver version is insufficient for CUDA runtime version";
        case cudaErrorNoDevice: return "no CUDA-capable device is detected";
        case cudaErrorInvalidDevice: return "invalid device ordinal";
        case cudaErrorInvalidResourceHandle: return "invalid resource handle";
        case cudaErrorIllegalState: return "the operation cannot be performed in the present state";
        case cudaErrorIllegalAddress: return "an illegal memory access was encountered";
        case cudaErrorLaunchOutOfResources: return "too many resources requested for launch";
        case cudaErrorMisalignedAddress: return "misaligned address";
        case cudaErrorLaunchFailure: return "unspecified launch failure";
        case cudaErrorStreamCaptureUnsupported: return "operation not permitted when stream is capturing";
        case cudaErrorStreamCaptureInvalidated: return "operation failed due to a previous error during capture";
        case cudaErrorStreamCaptureUnmatched: return "capture was not initiated in this stream";
        case cudaErrorStreamCaptureWrongThread: return "attempt to terminate a thread-local capture sequence from another thread";
        default: return "unknown error";
    }
}

thread_local cudaError_t lastError = cudaSuccess;

// The sticky error: the first fault of a kernel; every later call returns it.
std::atomic<int> stickyCode{cudaSuccess};
std::mutex stickyMutex;
std::string stickyText;   // written once, before stickyCode is set

cudaError_t sticky() { return (cudaError_t) stickyCode.load(std::memory_order_acquire); }

// Returns e, remembering it as the thread's last error when it is one.
cudaError_t result(cudaError_t e) {
    if (e != cudaSuccess) lastError = e;
    return e;
}

void fatal(const std::string& what) {
    std::fprintf(stderr, "vaml4j cuda emulation: fatal: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// A fault of device code: printed at once, then sticky (or, with VAML4J_EMU_ON_ERROR=abort, the end).
void setSticky(cudaError_t code, const std::string& detail) {
    std::fprintf(stderr, "vaml4j cuda emulation: %s: %s\n", errorName(code), detail.c_str());
    std::fflush(stderr);
    if (config().abortOnError) std::abort();
    std::lock_guard<std::mutex> lock(stickyMutex);
    if (sticky() != cudaSuccess) return;   // the first fault is the one reported
    stickyText = std::string(errorText(code)) + " [CPU emulation: " + detail + "]";
    stickyCode.store(code, std::memory_order_release);
    lastError = code;
}

// ======================================================================== kernel names

struct Symbol {
    uintptr_t offset;
    size_t size;
    int type;   // STT_FUNC, STT_OBJECT or STT_TLS
    std::string name;
};

// The functions and the function-local statics ("_ZZ...", the kernels' __shared__ arrays among
// them) in the symbol table of the ELF file at path (.symtab: the kernels have internal linkage,
// so they are not in the dynamic symbol table).
std::vector<Symbol> readSymbols(const char* path) {
    std::vector<Symbol> out;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    struct stat st{};
    if (fstat(fd, &st) != 0 || st.st_size < (off_t) sizeof(Elf64_Ehdr)) {
        close(fd);
        return out;
    }
    size_t size = (size_t) st.st_size;
    void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) return out;
    const char* base = static_cast<const char*>(map);
    const auto* eh = reinterpret_cast<const Elf64_Ehdr*>(base);
    if (std::memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0 && eh->e_ident[EI_CLASS] == ELFCLASS64 && eh->e_shoff != 0
        && eh->e_shoff + (size_t) eh->e_shnum * sizeof(Elf64_Shdr) <= size) {
        const auto* sh = reinterpret_cast<const Elf64_Shdr*>(base + eh->e_shoff);
        for (int i = 0; i < eh->e_shnum; ++i) {
            if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum) continue;
            const Elf64_Shdr& strs = sh[sh[i].sh_link];
            if (sh[i].sh_offset + sh[i].sh_size > size || strs.sh_offset + strs.sh_size > size) continue;
            const auto* syms = reinterpret_cast<const Elf64_Sym*>(base + sh[i].sh_offset);
            size_t count = sh[i].sh_size / sizeof(Elf64_Sym);
            for (size_t j = 0; j < count; ++j) {
                int type = ELF64_ST_TYPE(syms[j].st_info);
                if ((type != STT_FUNC && type != STT_OBJECT && type != STT_TLS) || syms[j].st_name >= strs.sh_size) continue;
                const char* name = base + strs.sh_offset + syms[j].st_name;
                if (type == STT_FUNC && syms[j].st_value == 0) continue;
                if (type != STT_FUNC && std::strncmp(name, "_ZZ", 3) != 0 && std::strcmp(name, "_ZN10vaml4j_emu3idsE") != 0) continue;
                out.push_back(Symbol{(uintptr_t) syms[j].st_value, (size_t) syms[j].st_size, type, std::string(name)});
            }
        }
    }
    munmap(map, size);
    return out;
}

// "vaml4j::gemm::gemmKernel<64, 64, ...>" from the mangled name: no return type, no
// "(anonymous namespace)::", no parameter list.
std::string tidy(const std::string& mangled) {
    int status = 0;
    char* d = abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status);
    std::string s = status == 0 && d != nullptr ? d : mangled;
    std::free(d);
    const std::string anon = "(anonymous namespace)::";
    for (size_t p; (p = s.find(anon)) != std::string::npos;) s.erase(p, anon.size());
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<') depth++;
        else if (s[i] == '>') depth--;
        else if (s[i] == '(' && depth == 0 && i > 0) {
            s.resize(i);
            break;
        }
    }
    if (s.rfind("void ", 0) == 0) s.erase(0, 5);
    return s;
}

// A __shared__ array of a kernel: a function-local static, thread_local (STT_TLS: at `offset` in
// the thread's TLS block of the module) or not (at `offset` from the module's load address).
struct SharedVar {
    uintptr_t offset;
    size_t size;
    bool tls;
};

struct KernelInfo {
    std::string name;
    std::vector<SharedVar> shared;
    uintptr_t base = 0;              // the module's load address
    uintptr_t idsOffset = 0;         // vaml4j_emu::ids in the module's TLS block
    bool idsKnown = false;
};

std::mutex nameMutex;

// The kernel's name (for messages) and its __shared__ arrays (poisoned before each block runs).
const KernelInfo& kernelInfo(const void* fn) {
    static std::unordered_map<const void*, KernelInfo> cache;
    static std::unordered_map<std::string, std::vector<Symbol>> files;
    std::lock_guard<std::mutex> lock(nameMutex);
    auto it = cache.find(fn);
    if (it != cache.end()) return it->second;
    KernelInfo k;
    k.name = format("kernel@%p", fn);
    Dl_info info{};
    if (dladdr(fn, &info) != 0) {
        // the main program (the self-test) has no name here
        std::string file = info.dli_fname != nullptr && info.dli_fname[0] != 0 ? info.dli_fname : "/proc/self/exe";
        auto f = files.find(file);
        if (f == files.end()) f = files.emplace(file, readSymbols(file.c_str())).first;
        k.base = reinterpret_cast<uintptr_t>(info.dli_fbase);
        uintptr_t off = reinterpret_cast<uintptr_t>(fn) - k.base;
        std::string mangled;
        for (const Symbol& s : f->second) {
            if (s.type == STT_FUNC && (s.offset == off || s.offset == reinterpret_cast<uintptr_t>(fn))) {
                mangled = s.name;
                if (s.offset == reinterpret_cast<uintptr_t>(fn)) k.base = 0;   // not position-independent
                break;
            }
        }
        if (mangled.rfind("_Z", 0) == 0) {
            k.name = tidy(mangled);
            // <local-name> ::= Z <function encoding> E <entity name>: the kernel's own statics
            const std::string prefix = "_ZZ" + mangled.substr(2) + "E";
            for (const Symbol& s : f->second) {
                if (s.type == STT_TLS && s.name == "_ZN10vaml4j_emu3idsE") {
                    k.idsOffset = s.offset;
                    k.idsKnown = true;
                }
                if ((s.type == STT_TLS || s.type == STT_OBJECT) && s.size > 0 && s.name.rfind(prefix, 0) == 0) {
                    k.shared.push_back(SharedVar{s.offset, s.size, s.type == STT_TLS});
                }
            }
            if (!k.idsKnown) {   // thread_local arrays cannot be found without it
                k.shared.erase(std::remove_if(k.shared.begin(), k.shared.end(), [](const SharedVar& v) { return v.tls; }), k.shared.end());
            }
        } else if (!mangled.empty()) {
            k.name = mangled;
        }
    }
    return cache.emplace(fn, std::move(k)).first->second;
}

// Fills the kernel's shared memory with 0xff bytes (NaN as float and double, -1 as int) before a
// block runs, as a GPU's shared memory holds garbage: a read before the block wrote it shows.
void poisonShared(const KernelInfo& k) {
    for (const SharedVar& v : k.shared) {
        uintptr_t at = v.tls ? reinterpret_cast<uintptr_t>(&ids) - k.idsOffset + v.offset : k.base + v.offset;
        std::memset(reinterpret_cast<void*>(at), 0xff, v.size);
    }
}

// ======================================================================== device memory

constexpr unsigned char CANARY = 0xcd;

struct Alloc {
    uintptr_t start = 0;    // what cudaMalloc returned
    size_t bytes = 0;       // what was asked for
    uintptr_t data = 0;     // the accessible pages [data, data + dataLen)
    size_t dataLen = 0;
    uintptr_t region = 0;   // with the guard page on either side
    size_t regionLen = 0;
};

std::mutex memMutex;
std::map<uintptr_t, Alloc> allocs;     // live, by start
std::deque<Alloc> freed;               // the most recently freed, for messages
uintptr_t arenaBase = 0, arenaEnd = 0, cursor = 0;
size_t used = 0;

bool reserveArena() {
    if (arenaBase != 0) return true;
    for (size_t len : {(size_t) 1 << 40, (size_t) 1 << 38, (size_t) 1 << 36}) {
        void* p = mmap(nullptr, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p != MAP_FAILED) {
            arenaBase = cursor = reinterpret_cast<uintptr_t>(p);
            arenaEnd = arenaBase + len;
            return true;
        }
    }
    return false;
}

// A free stretch of `need` bytes of the arena, looked for from the cursor on, then from the start.
uintptr_t findSpace(size_t need) {
    for (int pass = 0; pass < 2; ++pass) {
        uintptr_t at = pass == 0 ? cursor : arenaBase;
        auto it = allocs.lower_bound(at);
        if (it != allocs.begin()) {
            auto prev = std::prev(it);
            at = std::max(at, prev->second.region + prev->second.regionLen);
        }
        for (;;) {
            uintptr_t next = it == allocs.end() ? arenaEnd : it->second.region;
            if (at + need <= next && at + need > at) return at;
            if (it == allocs.end()) break;
            at = std::max(at, it->second.region + it->second.regionLen);
            ++it;
        }
    }
    return 0;
}

// Under memMutex: the live allocation holding [p, p + n), or nullptr.
const Alloc* findRange(uintptr_t p, size_t n) {
    auto it = allocs.upper_bound(p);
    if (it == allocs.begin()) return nullptr;
    const Alloc& a = std::prev(it)->second;
    if (p >= a.start && p - a.start <= a.bytes && n <= a.bytes - (p - a.start)) return &a;
    return nullptr;
}

// Under memMutex: where an address lies relative to the device buffers, for messages.
std::string describeAddress(uintptr_t p) {
    auto where = [p](const Alloc& a, const char* what) -> std::string {
        if (p < a.region || p >= a.region + a.regionLen) return "";
        std::string buf = format("%sdevice buffer of %zu bytes at %#" PRIxPTR, what, a.bytes, a.start);
        if (p < a.start) return format("%zu bytes before the start of the %s", (size_t) (a.start - p), buf.c_str());
        if (p >= a.start + a.bytes) return format("%zu bytes past the end of the %s (byte %zu of it)", (size_t) (p - (a.start + a.bytes)),
                                                  buf.c_str(), (size_t) (p - a.start));
        return format("byte %zu inside the %s", (size_t) (p - a.start), buf.c_str());
    };
    auto it = allocs.upper_bound(p);
    if (it != allocs.end()) {
        std::string s = where(it->second, "");
        if (!s.empty()) return s;
    }
    if (it != allocs.begin()) {
        std::string s = where(std::prev(it)->second, "");
        if (!s.empty()) return s;
    }
    for (auto f = freed.rbegin(); f != freed.rend(); ++f) {
        std::string s = where(*f, "freed ");
        if (!s.empty()) return s + " (used after cudaFree)";
    }
    if (p >= arenaBase && p < arenaEnd) {
        std::string s = "device address space that no buffer holds";
        if (it != allocs.begin()) {
            const Alloc& below = std::prev(it)->second;
            s += format(", %zu bytes past the end of the nearest buffer below it (%zu bytes at %#" PRIxPTR ")",
                        (size_t) (p - (below.start + below.bytes)), below.bytes, below.start);
        }
        return s;
    }
    if (p < 4096) return "a null pointer (plus an offset)";
    return "no device buffer (a host or wild pointer)";
}

// Under memMutex: the first canary byte of a that was overwritten, as a message ("" when intact).
std::string checkCanary(const Alloc& a) {
    const auto* head = reinterpret_cast<const unsigned char*>(a.data);
    size_t headLen = a.start - a.data;
    for (size_t i = headLen; i-- > 0;) {
        if (head[i] != CANARY) {
            return format("byte %zu before the start of the device buffer of %zu bytes at %#" PRIxPTR " was overwritten", headLen - i, a.bytes, a.start);
        }
    }
    const auto* tail = reinterpret_cast<const unsigned char*>(a.start + a.bytes);
    size_t tailLen = a.data + a.dataLen - (a.start + a.bytes);
    for (size_t i = 0; i < tailLen; ++i) {
        if (tail[i] != CANARY) {
            return format("byte %zu past the end of the device buffer of %zu bytes at %#" PRIxPTR " was overwritten (%zu bytes are accessible past its end "
                          "before the guard page)", i, a.bytes, a.start, tailLen);
        }
    }
    return "";
}

// Under memMutex: the live allocation whose pages (guards included) hold p, or nullptr.
const Alloc* allocNear(uintptr_t p) {
    auto it = allocs.upper_bound(p);
    if (it != allocs.end() && p >= it->second.region) return &it->second;
    if (it != allocs.begin()) {
        const Alloc& a = std::prev(it)->second;
        if (p < a.region + a.regionLen) return &a;
    }
    return nullptr;
}

// The canaries of the buffers that argument words point into (the ones a kernel can reach).
std::string checkCanaries(const std::vector<uintptr_t>& words) {
    std::lock_guard<std::mutex> lock(memMutex);
    for (uintptr_t w : words) {
        if (w < arenaBase || w >= arenaEnd) continue;
        const Alloc* a = allocNear(w);
        if (a == nullptr) continue;
        std::string s = checkCanary(*a);
        if (!s.empty()) return s;
    }
    return "";
}

std::string checkAllCanaries() {
    std::lock_guard<std::mutex> lock(memMutex);
    for (const auto& [start, a] : allocs) {
        std::string s = checkCanary(a);
        if (!s.empty()) return s;
    }
    return "";
}

cudaError_t allocate(void** out, size_t bytes) {
    const size_t page = pageSize();
    std::lock_guard<std::mutex> lock(memMutex);
    if (!reserveArena()) return cudaErrorMemoryAllocation;
    if (bytes > config().memory || used > config().memory - bytes) return cudaErrorMemoryAllocation;
    size_t rounded = roundUp(bytes, config().align);
    if (rounded < bytes) return cudaErrorMemoryAllocation;
    Alloc a;
    a.bytes = bytes;
    a.dataLen = roundUp(rounded, page);
    a.regionLen = a.dataLen + 2 * page;
    a.region = findSpace(a.regionLen);
    if (a.region == 0) return cudaErrorMemoryAllocation;
    a.data = a.region + page;
    a.start = a.data + a.dataLen - rounded;
    if (mprotect(reinterpret_cast<void*>(a.data), a.dataLen, PROT_READ | PROT_WRITE) != 0) return cudaErrorMemoryAllocation;
    std::memset(reinterpret_cast<void*>(a.data), CANARY, a.start - a.data);
    std::memset(reinterpret_cast<void*>(a.start + a.bytes), CANARY, a.data + a.dataLen - (a.start + a.bytes));
    cursor = a.region + a.regionLen;
    used += bytes;
    allocs.emplace(a.start, a);
    *out = reinterpret_cast<void*>(a.start);
    return cudaSuccess;
}

// Gives the pages back and makes them inaccessible again.
void unmapData(const Alloc& a) {
    void* p = mmap(reinterpret_cast<void*>(a.data), a.dataLen, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    if (p == MAP_FAILED) fatal(format("cudaFree: cannot unmap %zu bytes: %s", a.dataLen, std::strerror(errno)));
}

// ======================================================================== streams and graphs

struct Node {
    enum Kind { Kernel, Copy } kind = Kernel;
    const void* fn = nullptr;
    const KernelInfo* kernel = nullptr;
    dim3 grid, block;
    std::function<void()> body;
    std::vector<uintptr_t> words;   // the argument words that point into device memory
    void* dst = nullptr;
    const void* src = nullptr;
    size_t bytes = 0;
};

}  // namespace
}  // namespace vaml4j_emu

struct CUstream_st {
    unsigned flags = 0;
    bool capturing = false;
    bool invalidated = false;
    cudaStreamCaptureMode mode = cudaStreamCaptureModeGlobal;
    pid_t owner = 0;                            // the thread that began the capture
    std::vector<vaml4j_emu::Node> nodes;        // what the capture recorded
    std::string why;                            // what invalidated it
};

struct CUgraph_st {
    std::vector<vaml4j_emu::Node> nodes;
};

struct CUgraphExec_st {
    std::vector<vaml4j_emu::Node> nodes;
};

namespace vaml4j_emu {
namespace {

std::mutex apiMutex;   // the registries below
std::set<CUstream_st*> streams;
std::set<CUgraph_st*> graphs;
std::set<CUgraphExec_st*> execs;

pid_t gettid_() { return (pid_t) syscall(SYS_gettid); }

// The thread-local or global captures this thread began (calls unsafe in a capture are refused on it).
thread_local std::vector<CUstream_st*> myCaptures;

bool knownStream(cudaStream_t s) {
    if (s == nullptr) return true;
    std::lock_guard<std::mutex> lock(apiMutex);
    return streams.count(s) != 0;
}

// An unsafe call (one that allocates or synchronizes) on a thread that is capturing: refused, and
// the capture is invalidated, as CUDA does in the global and thread-local capture modes.
bool refusedInCapture(const char* call) {
    if (myCaptures.empty()) return false;
    for (CUstream_st* s : myCaptures) {
        if (!s->invalidated) s->why = std::string(call) + " during the capture";
        s->invalidated = true;
    }
    return true;
}

void invalidate(CUstream_st* s, const std::string& why) {
    if (!s->invalidated) s->why = why;
    s->invalidated = true;
}

// ======================================================================== fibers and the block scheduler

enum class State { Ready, Barrier, Done };

struct Fiber {
    ucontext_t ctx;          // the portable switch (VAML4J_EMU_SWITCH=ucontext)
    void* sp = nullptr;      // the fast one: the saved stack pointer
    char* stack = nullptr;   // usable stack (a guard page below it)
    State state = State::Ready;
    const char* file = nullptr;
    int line = 0;
};

constexpr int DIRECT = -2;   // threads run as plain calls (the block's first thread passed no barrier)
constexpr int NONE = -1;

struct Stack {
    uintptr_t guard, end;
};
std::mutex stackMutex;
std::vector<Stack> stackRegions;   // every fiber stack, for messages

struct ThreadState {
    std::vector<std::unique_ptr<Fiber>> fibers;
    ucontext_t main;
    void* mainSp = nullptr;
    int current = NONE;
    volatile bool inKernel = false;
    const std::function<void()>* body = nullptr;
    const KernelInfo* kernel = nullptr;
    unsigned nthreads = 0;
    std::vector<unsigned> threadOrder;
    Order order = Order::Forward;   // of this run
    unsigned long long rng = 1;

    sigjmp_buf jmp;
    volatile int faultSignal = 0;
    void* volatile faultAddress = nullptr;
    volatile int faultCodeSi = 0;
    volatile int faultWrite = -1;
    cudaError_t faultCode = cudaSuccess;   // a fault raised by the emulation itself (no signal)
    std::string faultText;
    std::string tracePrefix;

    char* alt = nullptr;
    size_t altLen = 0;
    pid_t tid = 0;

    ~ThreadState();
};

// Threads running kernels, found by the signal handler with async-signal-safe means only.
constexpr int SLOTS = 256;
struct Slot {
    std::atomic<pid_t> tid{0};
    std::atomic<ThreadState*> state{nullptr};
};
Slot slots[SLOTS];

ThreadState::~ThreadState() {
    for (Slot& s : slots) {
        if (s.state.load() == this) {
            s.state.store(nullptr);
            s.tid.store(0);
        }
    }
    size_t page = pageSize();
    for (auto& f : fibers) {
        if (f->stack != nullptr) munmap(f->stack - page, roundUp(config().stack, page) + page);
    }
    if (alt != nullptr) munmap(alt, altLen);
}

thread_local std::unique_ptr<ThreadState> threadState;

// This thread's slot, found by its current id (after a fork the child's thread has another one).
void placeSlot(ThreadState* t) {
    pid_t tid = gettid_();
    if (t->tid == tid) return;
    for (Slot& s : slots) {
        if (s.state.load() == t) {
            s.state.store(nullptr);
            s.tid.store(0);
        }
    }
    t->tid = tid;
    for (Slot& s : slots) {
        pid_t zero = 0;
        if (s.tid.compare_exchange_strong(zero, tid)) {
            s.state.store(t);
            return;
        }
    }
    fatal("more than 256 threads launch kernels");
}

ThreadState& state() {
    if (!threadState) {
        threadState = std::make_unique<ThreadState>();
        ThreadState* t = threadState.get();
        t->altLen = 256 * 1024;
        void* a = mmap(nullptr, t->altLen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (a == MAP_FAILED) fatal("cannot allocate a signal stack");
        t->alt = static_cast<char*>(a);
    }
    return *threadState;
}

Fiber& fiber(ThreadState& t, unsigned i) {
    while (t.fibers.size() <= i) t.fibers.push_back(std::make_unique<Fiber>());
    Fiber& f = *t.fibers[i];
    if (f.stack == nullptr) {
        size_t page = pageSize(), len = roundUp(config().stack, page);
        void* p = mmap(nullptr, len + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) fatal("cannot allocate a fiber stack");
        mprotect(p, page, PROT_NONE);
        f.stack = static_cast<char*>(p) + page;
        std::lock_guard<std::mutex> lock(stackMutex);
        stackRegions.push_back(Stack{reinterpret_cast<uintptr_t>(p), reinterpret_cast<uintptr_t>(p) + len + page});
    }
    return f;
}

void setThread(ThreadState& t, unsigned i) {
    const dim3& b = ids.blockSize;
    ids.thread = uint3{i % b.x, (i / b.x) % b.y, i / (b.x * b.y)};
    t.current = (int) i;
}

// Raised from device code (a fiber or a direct call): ends the kernel as a fault.
[[noreturn]] void raise(cudaError_t code, const std::string& text) {
    ThreadState* t = threadState.get();
    if (t == nullptr || !t->inKernel) fatal(text + " (outside a kernel)");
    t->faultCode = code;
    t->faultText = text;
    siglongjmp(t->jmp, 2);
}

std::string where(const Ids& i) {
    return format("block (%u,%u,%u), thread (%u,%u,%u)", i.block.x, i.block.y, i.block.z, i.thread.x, i.thread.y,
                  i.thread.z);
}

std::string threadText(unsigned i) {
    const dim3& b = ids.blockSize;
    return format("(%u,%u,%u)", i % b.x, (i / b.x) % b.y, i / (b.x * b.y));
}

// ---- switching: swapcontext, or on x86-64 (the default there) a switch of the callee-saved
// registers, the stack pointer and the floating-point control words, without swapcontext's
// system call for the signal mask (which is the same for all fibers of a thread anyway).

}  // namespace
}  // namespace vaml4j_emu

#if defined(__x86_64__)
// void vaml4j_emu_switch(void** save, void* to): saves this context's stack pointer in *save and
// continues the one saved at `to`. vaml4j_emu_fiber_start: a new fiber's first return address;
// it calls r13(r12) (the entry, which never returns).
__asm__(
    ".text\n"
    ".globl vaml4j_emu_switch\n"
    ".hidden vaml4j_emu_switch\n"
    ".type vaml4j_emu_switch,@function\n"
    "vaml4j_emu_switch:\n"
    "    pushq %rbp\n"
    "    pushq %rbx\n"
    "    pushq %r12\n"
    "    pushq %r13\n"
    "    pushq %r14\n"
    "    pushq %r15\n"
    "    subq $16, %rsp\n"
    "    stmxcsr 8(%rsp)\n"
    "    fnstcw (%rsp)\n"
    "    movq %rsp, (%rdi)\n"
    "    movq %rsi, %rsp\n"
    "    fldcw (%rsp)\n"
    "    ldmxcsr 8(%rsp)\n"
    "    addq $16, %rsp\n"
    "    popq %r15\n"
    "    popq %r14\n"
    "    popq %r13\n"
    "    popq %r12\n"
    "    popq %rbx\n"
    "    popq %rbp\n"
    "    ret\n"
    ".size vaml4j_emu_switch, .-vaml4j_emu_switch\n"
    ".globl vaml4j_emu_fiber_start\n"
    ".hidden vaml4j_emu_fiber_start\n"
    ".type vaml4j_emu_fiber_start,@function\n"
    "vaml4j_emu_fiber_start:\n"
    "    movq %r12, %rdi\n"
    "    callq *%r13\n"
    "    ud2\n"
    ".size vaml4j_emu_fiber_start, .-vaml4j_emu_fiber_start\n");
extern "C" void vaml4j_emu_switch(void** save, void* to);
extern "C" void vaml4j_emu_fiber_start();
#endif

namespace vaml4j_emu {
namespace {

void fiberMain() {
    ThreadState& t = *threadState;
    Fiber& f = *t.fibers[(size_t) t.current];
    (*t.body)();
    f.state = State::Done;
#if defined(__x86_64__)
    if (!config().ucontext) {
        void* dead = nullptr;
        vaml4j_emu_switch(&dead, t.mainSp);
    }
#endif
    setcontext(&t.main);
    fatal("setcontext returned");
}

#if defined(__x86_64__)
void fiberEntry(void*) { fiberMain(); }
#endif

void start(ThreadState& t, unsigned i) {
    Fiber& f = fiber(t, i);
    const size_t len = roundUp(config().stack, pageSize());
#if defined(__x86_64__)
    if (!config().ucontext) {
        // the frame vaml4j_emu_switch pops: control words, r15 r14 r13 r12 rbx rbp, return address
        auto* top = reinterpret_cast<uint64_t*>((reinterpret_cast<uintptr_t>(f.stack + len) - 64) & ~(uintptr_t) 15);
        uint64_t* sp = top - 9;
        uint32_t mxcsr = 0;
        uint16_t fpcw = 0;
        __asm__ __volatile__("stmxcsr %0" : "=m"(mxcsr));
        __asm__ __volatile__("fnstcw %0" : "=m"(fpcw));
        sp[0] = fpcw;
        sp[1] = mxcsr;
        sp[2] = 0;                                              // r15
        sp[3] = 0;                                              // r14
        sp[4] = reinterpret_cast<uint64_t>(&fiberEntry);        // r13: the entry
        sp[5] = 0;                                              // r12: its argument
        sp[6] = 0;                                              // rbx
        sp[7] = 0;                                              // rbp
        sp[8] = reinterpret_cast<uint64_t>(&vaml4j_emu_fiber_start);
        f.sp = sp;
    } else
#endif
    {
        if (getcontext(&f.ctx) != 0) fatal("getcontext failed");
        f.ctx.uc_stack.ss_sp = f.stack;
        f.ctx.uc_stack.ss_size = len;
        f.ctx.uc_link = nullptr;
        makecontext(&f.ctx, fiberMain, 0);
    }
    f.state = State::Ready;
    f.file = nullptr;
    f.line = 0;
}

void resume(ThreadState& t, unsigned i) {
    setThread(t, i);
    Fiber& f = *t.fibers[i];
#if defined(__x86_64__)
    if (!config().ucontext) {
        vaml4j_emu_switch(&t.mainSp, f.sp);
    } else
#endif
    if (swapcontext(&t.main, &f.ctx) != 0) fatal("swapcontext failed");
    t.current = NONE;
}

// From a fiber at a barrier back to the scheduler; returns when the scheduler resumes it.
void suspend(ThreadState& t, Fiber& f) {
#if defined(__x86_64__)
    if (!config().ucontext) {
        vaml4j_emu_switch(&f.sp, t.mainSp);
        return;
    }
#endif
    if (swapcontext(&f.ctx, &t.main) != 0) fatal("swapcontext failed");
}

unsigned long long nextRandom(ThreadState& t) {
    t.rng = t.rng * 6364136223846793005ull + 1442695040888963407ull;
    return t.rng >> 17;
}

// The order the threads of a block run in, in each phase between barriers.
void orderThreads(ThreadState& t) {
    std::vector<unsigned>& o = t.threadOrder;
    o.resize(t.nthreads);
    for (unsigned i = 0; i < t.nthreads; ++i) o[i] = t.order == Order::Reverse ? t.nthreads - 1 - i : i;
    if (t.order == Order::Shuffle) {
        for (unsigned i = t.nthreads; i > 1; --i) std::swap(o[i - 1], o[nextRandom(t) % i]);
    }
}

void runBlock(ThreadState& t) {
    const unsigned n = t.nthreads;
    orderThreads(t);
    const unsigned first = t.threadOrder[0];
    start(t, first);
    resume(t, first);
    if (t.fibers[first]->state == State::Done) {
        // The first thread returned without a barrier, so every barrier of this block would be a
        // divergent one (syncthreads reports it): the others need no fiber.
        t.current = DIRECT;
        for (unsigned k = 1; k < n; ++k) {
            unsigned i = t.threadOrder[k];
            setThread(t, i);
            t.current = DIRECT;
            (*t.body)();
        }
        t.current = NONE;
        return;
    }
    for (unsigned k = 1; k < n; ++k) {
        unsigned i = t.threadOrder[k];
        start(t, i);
        resume(t, i);
    }
    for (;;) {
        unsigned done = 0, waiting = 0;
        int aDone = -1, aWaiting = -1;
        for (unsigned i = 0; i < n; ++i) {
            State s = t.fibers[i]->state;
            if (s == State::Done) {
                done++;
                if (aDone < 0) aDone = (int) i;
            } else {
                waiting++;
                if (aWaiting < 0) aWaiting = (int) i;
            }
        }
        if (done == n) return;
        if (done != 0) {
            const Fiber& w = *t.fibers[(size_t) aWaiting];
            raise(cudaErrorLaunchFailure,
                  format("divergent __syncthreads in kernel %s, block (%u,%u,%u): %u of %u threads wait at %s:%d (thread %s among them) "
                         "while %u have returned from the kernel (thread %s among them); on a GPU that is undefined behaviour",
                         t.kernel->name.c_str(), ids.block.x, ids.block.y, ids.block.z, waiting, n, w.file, w.line,
                         threadText((unsigned) aWaiting).c_str(), done, threadText((unsigned) aDone).c_str()));
        }
        const Fiber& f0 = *t.fibers[0];
        for (unsigned i = 1; i < n; ++i) {
            const Fiber& f = *t.fibers[i];
            if (f.line != f0.line || std::strcmp(f.file, f0.file) != 0) {
                raise(cudaErrorLaunchFailure,
                      format("threads of one block wait at different __syncthreads in kernel %s, block (%u,%u,%u): thread %s at %s:%d, "
                             "thread %s at %s:%d",
                             t.kernel->name.c_str(), ids.block.x, ids.block.y, ids.block.z, threadText(0).c_str(), f0.file, f0.line,
                             threadText(i).c_str(), f.file, f.line));
            }
        }
        for (unsigned i = 0; i < n; ++i) t.fibers[i]->state = State::Ready;
        if (t.order == Order::Shuffle) orderThreads(t);
        for (unsigned k = 0; k < n; ++k) resume(t, t.threadOrder[k]);
    }
}

// ======================================================================== faults

struct sigaction previous[65];
const int SIGNALS[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};

ThreadState* kernelThread() {
    pid_t tid = gettid_();
    for (Slot& s : slots) {
        if (s.tid.load(std::memory_order_relaxed) == tid) {
            ThreadState* t = s.state.load(std::memory_order_relaxed);
            return t != nullptr && t->inKernel ? t : nullptr;
        }
    }
    return nullptr;
}

// A fault on a thread that runs a kernel ends that kernel; any other goes to the handler that was
// installed before (the JVM's, which uses SIGSEGV itself).
void onSignal(int sig, siginfo_t* info, void* context) {
    ThreadState* t = kernelThread();
    if (t != nullptr) {
        t->faultSignal = sig;
        t->faultAddress = info->si_addr;
        t->faultCodeSi = info->si_code;
        t->faultWrite = -1;
#if defined(__x86_64__)
        if (sig == SIGSEGV && context != nullptr) {
            const auto* uc = static_cast<const ucontext_t*>(context);
            t->faultWrite = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0 ? 1 : 0;
        }
#endif
        siglongjmp(t->jmp, 1);
    }
    const struct sigaction& old = previous[sig];
    if ((old.sa_flags & SA_SIGINFO) != 0) {
        if (old.sa_sigaction != nullptr) old.sa_sigaction(sig, info, context);
        return;
    }
    if (old.sa_handler == SIG_IGN) return;
    if (old.sa_handler == SIG_DFL) {
        signal(sig, SIG_DFL);   // the faulting instruction runs again and ends the process
        return;
    }
    old.sa_handler(sig);
}

void installHandlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int sig : SIGNALS) {
            struct sigaction sa{};
            sa.sa_sigaction = onSignal;
            sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
            sigemptyset(&sa.sa_mask);
            if (sigaction(sig, &sa, &previous[sig]) != 0) fatal("sigaction failed");
        }
    });
}

std::string signalText(ThreadState& t) {
    uintptr_t addr = reinterpret_cast<uintptr_t>(t.faultAddress);
    switch (t.faultSignal) {
        case SIGSEGV:
        case SIGBUS: {
            {
                std::lock_guard<std::mutex> lock(stackMutex);
                size_t page = pageSize();
                for (const Stack& s : stackRegions) {
                    if (addr >= s.guard && addr < s.guard + page) {
                        return format("stack overflow of a CUDA thread (the emulation gives each %zu bytes: VAML4J_EMU_STACK)", config().stack);
                    }
                }
            }
            if (t.faultSignal == SIGSEGV && t.faultCodeSi == SI_KERNEL) {
                return "a general protection fault (a misaligned vector access or a non-canonical address)";
            }
            std::lock_guard<std::mutex> lock(memMutex);
            return format("invalid %s at %#" PRIxPTR ": %s", t.faultWrite == 1 ? "write" : t.faultWrite == 0 ? "read" : "access", addr,
                          describeAddress(addr).c_str());
        }
        case SIGFPE:
            return t.faultCodeSi == FPE_INTDIV ? "integer division by zero (a GPU returns an unspecified value, no fault)"
                                                : "arithmetic exception (SIGFPE)";
        case SIGILL: return "illegal instruction (SIGILL)";
        default: return format("signal %d", t.faultSignal);
    }
}

// Runs one kernel now on this thread: every block, then the canary check.
// Runs one kernel now on this thread, every block, in the given order.
void runOnce(const KernelInfo& k, dim3 grid, dim3 block, const std::function<void()>& body, Order order) {
    const std::string& name = k.name;
    ThreadState& t = state();
    t.order = order;
    placeSlot(&t);
    installHandlers();
    stack_t alt{}, oldAlt{};
    alt.ss_sp = t.alt;
    alt.ss_size = t.altLen;
    if (sigaltstack(&alt, &oldAlt) != 0) fatal("sigaltstack failed");
    const Ids saved = ids;
    t.body = &body;
    t.kernel = &k;
    t.nthreads = block.x * block.y * block.z;
    t.faultSignal = 0;
    t.faultCode = cudaSuccess;
    ids.gridSize = grid;
    ids.blockSize = block;
    if (config().trace) {
        size_t shared = 0;
        for (const SharedVar& v : k.shared) shared += v.size;
        std::fprintf(stderr, "vaml4j cuda emulation: %s<<<(%u,%u,%u), (%u,%u,%u)>>> (%zu bytes of shared memory)\n", name.c_str(), grid.x,
                     grid.y, grid.z, block.x, block.y, block.z, shared);
    }
    const unsigned long long blocks = (unsigned long long) grid.x * grid.y * grid.z;
    if (sigsetjmp(t.jmp, 1) == 0) {
        t.inKernel = true;
        std::vector<unsigned> shuffled;
        if (order == Order::Shuffle && blocks <= (1ull << 24)) {
            shuffled.resize(blocks);
            for (unsigned long long b = 0; b < blocks; ++b) shuffled[b] = (unsigned) b;
            for (unsigned long long b = blocks; b > 1; --b) std::swap(shuffled[b - 1], shuffled[nextRandom(t) % b]);
        }
        for (unsigned long long j = 0; j < blocks; ++j) {
            unsigned long long b = !shuffled.empty() ? shuffled[j] : order == Order::Forward ? j : blocks - 1 - j;
            ids.block = uint3{(unsigned) (b % grid.x), (unsigned) ((b / grid.x) % grid.y), (unsigned) (b / ((unsigned long long) grid.x * grid.y))};
            if (config().poison) poisonShared(k);
            runBlock(t);
        }
        t.inKernel = false;
    } else {
        t.inKernel = false;
        std::string what = t.faultCode != cudaSuccess ? t.faultText : signalText(t);
        cudaError_t code = t.faultCode != cudaSuccess ? t.faultCode
                           : t.faultSignal == SIGSEGV || t.faultSignal == SIGBUS ? cudaErrorIllegalAddress
                                                                               : cudaErrorLaunchFailure;
        if (t.faultCode == cudaSuccess || code == cudaErrorMisalignedAddress) {
            what = format("kernel %s, %s: %s", name.c_str(), where(ids).c_str(), what.c_str());
        }
        setSticky(code, what);
    }
    t.current = NONE;
    ids = saved;
    if (sigaltstack(&oldAlt, nullptr) != 0) fatal("sigaltstack restore failed");
}

// The live buffers the argument words point into, each once (copies: a kernel cannot free them).
std::vector<Alloc> reachable(const std::vector<uintptr_t>& words) {
    std::vector<Alloc> out;
    std::lock_guard<std::mutex> lock(memMutex);
    for (uintptr_t w : words) {
        const Alloc* a = allocNear(w);
        if (a == nullptr) continue;
        bool seen = false;
        for (const Alloc& b : out) seen = seen || b.start == a->start;
        if (!seen) out.push_back(*a);
    }
    return out;
}

std::vector<std::vector<unsigned char>> snapshot(const std::vector<Alloc>& buffers) {
    std::vector<std::vector<unsigned char>> out;
    for (const Alloc& a : buffers) {
        const auto* p = reinterpret_cast<const unsigned char*>(a.data);
        out.emplace_back(p, p + a.dataLen);
    }
    return out;
}

// VAML4J_EMU_RACECHECK=1: the kernel runs with its blocks and threads forward, then again from
// the same inputs in reverse; a GPU runs them in any order and at once, so a result that depends
// on the order is a race (or a read of memory another thread writes without a barrier between).
void raceCheck(const KernelInfo& k, dim3 grid, dim3 block, const std::function<void()>& body, const std::vector<uintptr_t>& words) {
    const std::string& name = k.name;
    std::vector<Alloc> buffers = reachable(words);
    std::vector<std::vector<unsigned char>> before = snapshot(buffers);
    runOnce(k, grid, block, body, Order::Forward);
    if (sticky() != cudaSuccess) return;
    std::vector<std::vector<unsigned char>> forward = snapshot(buffers);
    for (size_t i = 0; i < buffers.size(); ++i) std::memcpy(reinterpret_cast<void*>(buffers[i].data), before[i].data(), before[i].size());
    runOnce(k, grid, block, body, Order::Reverse);
    if (sticky() != cudaSuccess) return;
    for (size_t i = 0; i < buffers.size(); ++i) {
        const auto* now = reinterpret_cast<const unsigned char*>(buffers[i].data);
        if (std::memcmp(now, forward[i].data(), forward[i].size()) == 0) continue;
        size_t at = 0;
        while (now[at] == forward[i][at]) at++;
        const Alloc& a = buffers[i];
        long long off = (long long) (a.data + at) - (long long) a.start;
        std::string values;
        if (off >= 0 && (size_t) off < a.bytes) {
            size_t word = (a.data + at - a.start) / 4 * 4 + (a.start - a.data);
            float f1, f2;
            std::memcpy(&f1, &forward[i][word], 4);
            std::memcpy(&f2, now + word, 4);
            values = format(" (as floats: %.9g forward, %.9g reverse)", (double) f1, (double) f2);
        }
        setSticky(cudaErrorLaunchFailure,
                  format("kernel %s<<<(%u,%u,%u), (%u,%u,%u)>>> gives different results when its blocks and threads run in reverse "
                         "order (a race): byte %lld (4-byte element %lld) of the device buffer of %zu bytes at %#" PRIxPTR " differs%s",
                         name.c_str(), grid.x, grid.y, grid.z, block.x, block.y, block.z, off, off >= 0 ? off / 4 : -1, a.bytes, a.start,
                         values.c_str()));
        return;
    }
}

// Runs one kernel now: every block (twice with VAML4J_EMU_RACECHECK), then the canary check.
void runKernel(const KernelInfo& k, dim3 grid, dim3 block, const std::function<void()>& body, const std::vector<uintptr_t>& words) {
    const std::string& name = k.name;
    if (config().raceCheck) raceCheck(k, grid, block, body, words);
    else runOnce(k, grid, block, body, config().order);
    if (config().canaries && sticky() == cudaSuccess) {
        std::string bad = checkCanaries(words);
        if (!bad.empty()) setSticky(cudaErrorIllegalAddress, "after kernel " + name + ": " + bad);
    }
}

cudaError_t checkConfig(dim3 grid, dim3 block) {
    unsigned long long threads = (unsigned long long) block.x * block.y * block.z;
    if (threads == 0 || threads > 1024 || block.x > 1024 || block.y > 1024 || block.z > 64) return cudaErrorInvalidConfiguration;
    if (grid.x == 0 || grid.y == 0 || grid.z == 0 || grid.x > 0x7fffffffu || grid.y > 65535 || grid.z > 65535) return cudaErrorInvalidConfiguration;
    return cudaSuccess;
}

// Runs a recorded copy: its ranges may have been freed since the capture (a GPU would fault).
void runCopy(const Node& n) {
    std::string bad;
    {
        std::lock_guard<std::mutex> lock(memMutex);
        if (findRange(reinterpret_cast<uintptr_t>(n.src), n.bytes) == nullptr) {
            bad = "source " + describeAddress(reinterpret_cast<uintptr_t>(n.src));
        } else if (findRange(reinterpret_cast<uintptr_t>(n.dst), n.bytes) == nullptr) {
            bad = "target " + describeAddress(reinterpret_cast<uintptr_t>(n.dst));
        }
    }
    if (!bad.empty()) {
        setSticky(cudaErrorIllegalAddress, format("a device copy of %zu bytes in a graph: the %s", n.bytes, bad.c_str()));
        return;
    }
    std::memcpy(n.dst, n.src, n.bytes);   // not overlapping: checked when it was captured
}

void runNodes(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
        if (sticky() != cudaSuccess) return;
        if (n.kind == Node::Kernel) runKernel(*n.kernel, n.grid, n.block, n.body, n.words);
        else runCopy(n);
    }
}

}  // namespace

// ======================================================================== entry points of the header

void syncthreads(const char* file, int line) {
    ThreadState* t = threadState.get();
    if (t == nullptr || !t->inKernel) fatal(format("__syncthreads at %s:%d outside a kernel", file, line));
    __asm__ __volatile__("" ::: "memory");
    if (t->current == DIRECT) {
        raise(cudaErrorLaunchFailure,
              format("divergent __syncthreads in kernel %s, block (%u,%u,%u): thread %s reached the __syncthreads at %s:%d, but thread %s "
                     "had already returned from the kernel without reaching any; on a GPU that is undefined behaviour",
                     t->kernel->name.c_str(), ids.block.x, ids.block.y, ids.block.z,
                     format("(%u,%u,%u)", ids.thread.x, ids.thread.y, ids.thread.z).c_str(), file, line,
                     threadText(t->threadOrder[0]).c_str()));
    }
    Fiber& f = *t->fibers[(size_t) t->current];
    f.state = State::Barrier;
    f.file = file;
    f.line = line;
    suspend(*t, f);
    __asm__ __volatile__("" ::: "memory");
}

[[noreturn]] void misaligned(const void* address, std::size_t alignment, const char* type) {
    std::string text = format("misaligned %s access at %p (needs %zu-byte alignment)", type, address, alignment);
    ThreadState* t = threadState.get();
    if (t == nullptr || !t->inKernel) fatal(text + " outside a kernel");
    {
        std::lock_guard<std::mutex> lock(memMutex);
        text += ": " + describeAddress(reinterpret_cast<uintptr_t>(address));
    }
    raise(cudaErrorMisalignedAddress, text);
}

cudaError_t funcGetAttributes(cudaFuncAttributes* attr, const void* entry) {
    if (attr == nullptr || entry == nullptr) return result(cudaErrorInvalidValue);
    if (sticky() != cudaSuccess) return result(sticky());
    *attr = cudaFuncAttributes{};
    attr->maxThreadsPerBlock = 1024;
    attr->ptxVersion = 90;
    attr->binaryVersion = 90;
    return cudaSuccess;
}

void launchKernel(const void* kernel, dim3 grid, dim3 block, cudaStream_t s, const uintptr_t* argWords, size_t count,
                  std::function<void()> body) {
    if (sticky() != cudaSuccess) {
        lastError = sticky();
        return;
    }
    const KernelInfo& info = kernelInfo(kernel);
    const std::string& name = info.name;
    std::vector<uintptr_t> words;
    {
        std::lock_guard<std::mutex> lock(memMutex);
        for (size_t i = 0; i < count; ++i) {
            if (argWords[i] >= arenaBase && argWords[i] < arenaEnd) words.push_back(argWords[i]);
        }
    }
    cudaError_t err = checkConfig(grid, block);
    {
        std::unique_lock<std::mutex> lock(apiMutex);
        if (s != nullptr && streams.count(s) == 0) {
            lastError = cudaErrorInvalidResourceHandle;
            return;
        }
        if (s != nullptr && s->capturing) {
            if (err != cudaSuccess) {
                invalidate(s, "a launch of " + name + " with an invalid configuration");
                lastError = err;
                return;
            }
            Node n;
            n.kind = Node::Kernel;
            n.fn = kernel;
            n.kernel = &info;
            n.grid = grid;
            n.block = block;
            n.body = std::move(body);
            n.words = std::move(words);
            s->nodes.push_back(std::move(n));
            return;
        }
    }
    if (err != cudaSuccess) {
        std::fprintf(stderr, "vaml4j cuda emulation: launch of %s<<<(%u,%u,%u), (%u,%u,%u)>>>: %s\n", name.c_str(), grid.x, grid.y, grid.z,
                     block.x, block.y, block.z, errorText(err));
        lastError = err;
        return;
    }
    runKernel(info, grid, block, body, words);
}

}  // namespace vaml4j_emu

// ======================================================================== the runtime API

using namespace vaml4j_emu;

const char* cudaGetErrorString(cudaError_t err) {
    if (err != cudaSuccess && err == sticky()) {
        std::lock_guard<std::mutex> lock(stickyMutex);
        return stickyText.c_str();
    }
    return errorText(err);
}

const char* cudaGetErrorName(cudaError_t err) { return errorName(err); }

cudaError_t cudaGetLastError() {
    if (sticky() != cudaSuccess) return sticky();
    cudaError_t e = lastError;
    lastError = cudaSuccess;
    return e;
}

cudaError_t cudaPeekAtLastError() { return sticky() != cudaSuccess ? sticky() : lastError; }

cudaError_t cudaDriverGetVersion(int* version) {
    if (version == nullptr) return result(cudaErrorInvalidValue);
    *version = 13000;
    return cudaSuccess;
}

cudaError_t cudaRuntimeGetVersion(int* version) {
    if (version == nullptr) return result(cudaErrorInvalidValue);
    *version = 13000;
    return cudaSuccess;
}

cudaError_t cudaGetDeviceCount(int* count) {
    if (count == nullptr) return result(cudaErrorInvalidValue);
    *count = 1;
    return cudaSuccess;
}

cudaError_t cudaSetDevice(int device) {
    if (sticky() != cudaSuccess) return result(sticky());
    return device == 0 ? cudaSuccess : result(cudaErrorInvalidDevice);
}

cudaError_t cudaGetDevice(int* device) {
    if (device == nullptr) return result(cudaErrorInvalidValue);
    *device = 0;
    return cudaSuccess;
}

cudaError_t cudaGetDeviceProperties(cudaDeviceProp* prop, int device) {
    if (prop == nullptr) return result(cudaErrorInvalidValue);
    if (device != 0) return result(cudaErrorInvalidDevice);
    *prop = cudaDeviceProp{};
    std::snprintf(prop->name, sizeof prop->name, "%s", "CPU emulation of CUDA (no GPU)");
    prop->totalGlobalMem = config().memory;
    prop->sharedMemPerBlock = 48 * 1024;
    prop->warpSize = 32;
    prop->maxThreadsPerBlock = 1024;
    prop->maxThreadsDim[0] = 1024;
    prop->maxThreadsDim[1] = 1024;
    prop->maxThreadsDim[2] = 64;
    prop->maxGridSize[0] = 0x7fffffff;
    prop->maxGridSize[1] = 65535;
    prop->maxGridSize[2] = 65535;
    prop->major = 9;
    prop->minor = 0;
    prop->multiProcessorCount = config().sms;
    return cudaSuccess;
}

cudaError_t cudaDeviceGetAttribute(int* value, cudaDeviceAttr attr, int device) {
    if (value == nullptr) return result(cudaErrorInvalidValue);
    if (device != 0) return result(cudaErrorInvalidDevice);
    switch (attr) {
        case cudaDevAttrMultiProcessorCount: *value = config().sms; return cudaSuccess;
        case cudaDevAttrMaxThreadsPerBlock: *value = 1024; return cudaSuccess;
        case cudaDevAttrComputeCapabilityMajor: *value = 9; return cudaSuccess;
        case cudaDevAttrComputeCapabilityMinor: *value = 0; return cudaSuccess;
        default: return result(cudaErrorInvalidValue);
    }
}

cudaError_t cudaMemGetInfo(size_t* freeBytes, size_t* totalBytes) {
    if (freeBytes == nullptr || totalBytes == nullptr) return result(cudaErrorInvalidValue);
    if (sticky() != cudaSuccess) return result(sticky());
    std::lock_guard<std::mutex> lock(memMutex);
    *totalBytes = config().memory;
    *freeBytes = config().memory - used;
    return cudaSuccess;
}

cudaError_t cudaDeviceSynchronize() {
    if (sticky() != cudaSuccess) return result(sticky());
    if (refusedInCapture("cudaDeviceSynchronize")) return result(cudaErrorStreamCaptureUnsupported);
    return cudaSuccess;
}

cudaError_t cudaMalloc(void** p, size_t bytes) {
    if (p == nullptr) return result(cudaErrorInvalidValue);
    *p = nullptr;
    if (sticky() != cudaSuccess) return result(sticky());
    if (refusedInCapture("cudaMalloc")) return result(cudaErrorStreamCaptureUnsupported);
    if (bytes == 0) return cudaSuccess;
    return result(allocate(p, bytes));
}

cudaError_t cudaFree(void* p) {
    if (p == nullptr) return cudaSuccess;
    if (sticky() != cudaSuccess) return result(sticky());
    if (refusedInCapture("cudaFree")) return result(cudaErrorStreamCaptureUnsupported);
    std::string bad;
    {
        std::lock_guard<std::mutex> lock(memMutex);
        auto it = allocs.find(reinterpret_cast<uintptr_t>(p));
        if (it == allocs.end()) {
            std::fprintf(stderr, "vaml4j cuda emulation: cudaFree(%p): not the start of a live device buffer: %s\n", p,
                         describeAddress(reinterpret_cast<uintptr_t>(p)).c_str());
            return result(cudaErrorInvalidValue);
        }
        Alloc a = it->second;
        if (config().canaries) bad = checkCanary(a);
        unmapData(a);
        used -= a.bytes;
        allocs.erase(it);
        freed.push_back(a);
        if (freed.size() > 4096) freed.pop_front();
    }
    if (!bad.empty()) setSticky(cudaErrorIllegalAddress, "found at cudaFree: " + bad);
    return cudaSuccess;
}

cudaError_t cudaMemset(void* p, int value, size_t bytes) {
    if (sticky() != cudaSuccess) return result(sticky());
    if (refusedInCapture("cudaMemset")) return result(cudaErrorStreamCaptureUnsupported);
    if (bytes == 0) return cudaSuccess;
    std::lock_guard<std::mutex> lock(memMutex);
    uintptr_t a = reinterpret_cast<uintptr_t>(p);
    if (findRange(a, bytes) == nullptr) {
        std::fprintf(stderr, "vaml4j cuda emulation: cudaMemset(%p, %zu bytes): not inside a live device buffer: %s\n", p, bytes,
                     describeAddress(a).c_str());
        return result(cudaErrorInvalidValue);
    }
    const size_t page = pageSize();
    uintptr_t lo = roundUp(a, page), hi = (a + bytes) / page * page;
    if ((unsigned char) value == 0 && hi > lo && hi - lo >= ((size_t) 1 << 20)) {
        // whole pages: given back and read as zeros again (private anonymous memory)
        std::memset(p, 0, lo - a);
        if (madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_DONTNEED) != 0) std::memset(reinterpret_cast<void*>(lo), 0, hi - lo);
        std::memset(reinterpret_cast<void*>(hi), 0, a + bytes - hi);
    } else {
        std::memset(p, value, bytes);
    }
    return cudaSuccess;
}

namespace {

// The checks and the copy of cudaMemcpy(Async): device ranges must lie in live buffers.
cudaError_t copy(void* dst, const void* src, size_t bytes, cudaMemcpyKind kind, cudaStream_t s, bool async) {
    if (sticky() != cudaSuccess) return result(sticky());
    if (!knownStream(s)) return result(cudaErrorInvalidResourceHandle);
    if (bytes == 0) return cudaSuccess;
    if (dst == nullptr || src == nullptr) return result(cudaErrorInvalidValue);
    bool dstDevice, srcDevice;
    {
        std::lock_guard<std::mutex> lock(memMutex);
        bool dstIn = findRange(reinterpret_cast<uintptr_t>(dst), bytes) != nullptr;
        bool srcIn = findRange(reinterpret_cast<uintptr_t>(src), bytes) != nullptr;
        switch (kind) {
            case cudaMemcpyHostToHost: dstDevice = srcDevice = false; break;
            case cudaMemcpyHostToDevice: dstDevice = true; srcDevice = false; break;
            case cudaMemcpyDeviceToHost: dstDevice = false; srcDevice = true; break;
            case cudaMemcpyDeviceToDevice: dstDevice = srcDevice = true; break;
            default: dstDevice = dstIn; srcDevice = srcIn; break;
        }
        const char* bad = dstDevice && !dstIn ? "target" : srcDevice && !srcIn ? "source" : nullptr;
        if (bad != nullptr) {
            uintptr_t at = reinterpret_cast<uintptr_t>(bad[0] == 't' ? dst : src);
            std::fprintf(stderr, "vaml4j cuda emulation: cudaMemcpy of %zu bytes: the %s range is not inside a live device buffer: %s\n", bytes,
                         bad, describeAddress(at).c_str());
            return result(cudaErrorInvalidValue);
        }
        uintptr_t d = reinterpret_cast<uintptr_t>(dst), r = reinterpret_cast<uintptr_t>(src);
        if (d < r + bytes && r < d + bytes) {   // CUDA copies must not overlap (undefined results on a GPU)
            std::fprintf(stderr, "vaml4j cuda emulation: cudaMemcpy of %zu bytes from %#" PRIxPTR " to %#" PRIxPTR ": the ranges overlap\n", bytes,
                         r, d);
            return result(cudaErrorInvalidValue);
        }
    }
    if (s != nullptr) {
        std::lock_guard<std::mutex> lock(apiMutex);
        if (s->capturing) {
            if (!async || !dstDevice || !srcDevice) {
                // copies from or to pageable host memory cannot be captured
                invalidate(s, "a copy from or to host memory during the capture");
                return result(cudaErrorStreamCaptureUnsupported);
            }
            Node n;
            n.kind = Node::Copy;
            n.dst = dst;
            n.src = src;
            n.bytes = bytes;
            s->nodes.push_back(std::move(n));
            return cudaSuccess;
        }
    }
    if (!async && refusedInCapture("cudaMemcpy")) return result(cudaErrorStreamCaptureUnsupported);
    std::memcpy(dst, src, bytes);
    return cudaSuccess;
}

}  // namespace

cudaError_t cudaMemcpy(void* dst, const void* src, size_t bytes, cudaMemcpyKind kind) {
    return copy(dst, src, bytes, kind, nullptr, false);
}

cudaError_t cudaMemcpyAsync(void* dst, const void* src, size_t bytes, cudaMemcpyKind kind, cudaStream_t s) {
    return copy(dst, src, bytes, kind, s, true);
}

cudaError_t cudaStreamCreate(cudaStream_t* s) { return cudaStreamCreateWithFlags(s, cudaStreamDefault); }

cudaError_t cudaStreamCreateWithFlags(cudaStream_t* s, unsigned int flags) {
    if (s == nullptr) return result(cudaErrorInvalidValue);
    if (sticky() != cudaSuccess) return result(sticky());
    auto* st = new CUstream_st();
    st->flags = flags;
    std::lock_guard<std::mutex> lock(apiMutex);
    streams.insert(st);
    *s = st;
    return cudaSuccess;
}

cudaError_t cudaStreamDestroy(cudaStream_t s) {
    if (s == nullptr) return result(cudaErrorInvalidResourceHandle);
    std::lock_guard<std::mutex> lock(apiMutex);
    if (streams.count(s) == 0) return result(cudaErrorInvalidResourceHandle);
    if (s->capturing) return result(cudaErrorIllegalState);
    streams.erase(s);
    delete s;
    return cudaSuccess;
}

cudaError_t cudaStreamSynchronize(cudaStream_t s) {
    if (sticky() != cudaSuccess) return result(sticky());
    if (!knownStream(s)) return result(cudaErrorInvalidResourceHandle);
    if (s != nullptr) {
        std::lock_guard<std::mutex> lock(apiMutex);
        if (s->capturing) {
            invalidate(s, "cudaStreamSynchronize of the capturing stream");
            return result(cudaErrorStreamCaptureUnsupported);
        }
    }
    if (refusedInCapture("cudaStreamSynchronize")) return result(cudaErrorStreamCaptureUnsupported);
    if (config().canaries) {
        // every buffer (a kernel may write through a pointer it read from device memory)
        std::string bad = checkAllCanaries();
        if (!bad.empty()) {
            setSticky(cudaErrorIllegalAddress, "found at cudaStreamSynchronize: " + bad);
            return result(sticky());
        }
    }
    return cudaSuccess;   // everything ran when it was launched
}

cudaError_t cudaStreamIsCapturing(cudaStream_t s, cudaStreamCaptureStatus* status) {
    if (status == nullptr) return result(cudaErrorInvalidValue);
    std::lock_guard<std::mutex> lock(apiMutex);
    if (s != nullptr && streams.count(s) == 0) return result(cudaErrorInvalidResourceHandle);
    *status = s == nullptr || !s->capturing ? cudaStreamCaptureStatusNone
            : s->invalidated ? cudaStreamCaptureStatusInvalidated : cudaStreamCaptureStatusActive;
    return cudaSuccess;
}

cudaError_t cudaStreamBeginCapture(cudaStream_t s, cudaStreamCaptureMode mode) {
    if (sticky() != cudaSuccess) return result(sticky());
    if (s == nullptr) return result(cudaErrorStreamCaptureUnsupported);   // the legacy stream cannot be captured
    std::lock_guard<std::mutex> lock(apiMutex);
    if (streams.count(s) == 0) return result(cudaErrorInvalidResourceHandle);
    if (s->capturing) return result(cudaErrorIllegalState);
    s->capturing = true;
    s->invalidated = false;
    s->why.clear();
    s->mode = mode;
    s->owner = gettid_();
    s->nodes.clear();
    if (mode != cudaStreamCaptureModeRelaxed) myCaptures.push_back(s);
    return cudaSuccess;
}

cudaError_t cudaStreamEndCapture(cudaStream_t s, cudaGraph_t* graph) {
    if (graph == nullptr) return result(cudaErrorInvalidValue);
    *graph = nullptr;
    if (s == nullptr) return result(cudaErrorIllegalState);
    std::lock_guard<std::mutex> lock(apiMutex);
    if (streams.count(s) == 0) return result(cudaErrorInvalidResourceHandle);
    if (!s->capturing) return result(cudaErrorIllegalState);
    if (s->mode == cudaStreamCaptureModeThreadLocal && s->owner != gettid_()) return result(cudaErrorStreamCaptureWrongThread);
    s->capturing = false;
    myCaptures.erase(std::remove(myCaptures.begin(), myCaptures.end(), s), myCaptures.end());
    std::vector<Node> nodes = std::move(s->nodes);
    s->nodes.clear();
    if (s->invalidated) {
        std::fprintf(stderr, "vaml4j cuda emulation: cudaStreamEndCapture: the capture was invalidated by %s\n", s->why.c_str());
        s->invalidated = false;
        return result(cudaErrorStreamCaptureInvalidated);
    }
    if (sticky() != cudaSuccess) return result(sticky());
    auto* g = new CUgraph_st();
    g->nodes = std::move(nodes);
    graphs.insert(g);
    *graph = g;
    return cudaSuccess;
}

cudaError_t cudaGraphInstantiate(cudaGraphExec_t* exec, cudaGraph_t graph, unsigned long long) {
    if (exec == nullptr) return result(cudaErrorInvalidValue);
    *exec = nullptr;
    if (sticky() != cudaSuccess) return result(sticky());
    std::lock_guard<std::mutex> lock(apiMutex);
    if (graphs.count(graph) == 0) return result(cudaErrorInvalidValue);
    auto* e = new CUgraphExec_st();
    e->nodes = graph->nodes;
    execs.insert(e);
    *exec = e;
    return cudaSuccess;
}

cudaError_t cudaGraphDestroy(cudaGraph_t graph) {
    std::lock_guard<std::mutex> lock(apiMutex);
    if (graphs.count(graph) == 0) return result(cudaErrorInvalidValue);
    graphs.erase(graph);
    delete graph;
    return cudaSuccess;
}

cudaError_t cudaGraphExecDestroy(cudaGraphExec_t exec) {
    std::lock_guard<std::mutex> lock(apiMutex);
    if (execs.count(exec) == 0) return result(cudaErrorInvalidValue);
    execs.erase(exec);
    delete exec;
    return cudaSuccess;
}

cudaError_t cudaGraphLaunch(cudaGraphExec_t exec, cudaStream_t s) {
    if (sticky() != cudaSuccess) return result(sticky());
    const std::vector<Node>* nodes = nullptr;
    {
        std::lock_guard<std::mutex> lock(apiMutex);
        if (execs.count(exec) == 0) return result(cudaErrorInvalidValue);
        if (s != nullptr && streams.count(s) == 0) return result(cudaErrorInvalidResourceHandle);
        if (s != nullptr && s->capturing) {   // a graph launched into a capture becomes part of it
            s->nodes.insert(s->nodes.end(), exec->nodes.begin(), exec->nodes.end());
            return cudaSuccess;
        }
        nodes = &exec->nodes;   // run without the lock (destroying a graph while it runs is the caller's bug)
    }
    runNodes(*nodes);
    return cudaSuccess;   // a fault in one of its kernels is sticky: the next call reports it
}
