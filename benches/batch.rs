//! Batch scaling: a folder of 200 agreements (our corpus, each copy with
//! its own sentences) analysed with 1 and with 2 jobs. Throughput is in
//! files per second; on two cores, 2 jobs should be about twice as fast.
//!
//! ```text
//! cargo bench --bench batch
//! ```

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use clausemap::batch::{collect, default_jobs, for_each};
use clausemap::{Analyzer, Format};

mod inputs;

const FILES: usize = 200;

/// Writes `FILES` agreements to a fresh temporary folder.
fn folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clausemap-bench-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    let corpus = inputs::corpus();
    for k in 0..FILES {
        let Some(input) = corpus.get(k % corpus.len()) else {
            continue;
        };
        let text = String::from_utf8_lossy(&input.bytes);
        let varied = inputs::vary(&text, k);
        let ext = match input.format {
            Format::Markdown => "md",
            Format::Text => "txt",
        };
        std::fs::write(dir.join(format!("vendor-{k:03}.{ext}")), varied).expect("write");
    }
    dir
}

fn batch(c: &mut Criterion) {
    let dir = folder();
    let analyzer = Analyzer::builtin().expect("built-in catalog compiles");
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(FILES as u64));
    let max_jobs = default_jobs().clamp(1, 2);
    for jobs in 1..=max_jobs {
        group.bench_with_input(BenchmarkId::new("jobs", jobs), &jobs, |b, &jobs| {
            b.iter(|| {
                let mut analysed = 0usize;
                for_each(
                    &analyzer,
                    collect(std::slice::from_ref(&dir)),
                    jobs,
                    |_, r| analysed += usize::from(r.is_ok()),
                )
                .expect("thread pool starts");
                assert_eq!(analysed, FILES);
                analysed
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    targets = batch
}
criterion_main!(benches);
