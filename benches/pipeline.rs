//! Throughput of each stage of the pipeline and of the whole, on every
//! agreement in `corpus/`, on large agreements built from their text, and
//! on pathological shapes.
//!
//! ```text
//! cargo bench --bench pipeline                 # everything (about 10 minutes)
//! cargo bench --bench pipeline -- analyze/     # end to end only
//! cargo bench --bench pipeline -- built-       # the large agreements only
//! ```
//!
//! Groups (criterion ids are `GROUP/INPUT`):
//!
//! - `ingest`: decode and normalise the bytes;
//! - `parse`: Markdown or plain-text structure, blocks streamed to nothing;
//! - `pulldown`: a bare pulldown-cmark parse with the options clausemap
//!   uses, the yardstick for `analyze` on Markdown;
//! - `segment`: sentence split of every block;
//! - `match`: the cue automaton over every block;
//! - `scan`: parse, cue scan and sentence split around the hits, as the
//!   analyser streams them (the whole front half of `analyze`);
//! - `analyze`: bytes in, report out (`analyze` minus `scan` is judging,
//!   deciding and citing);
//! - `render`: the report as JSON, Markdown and text;
//! - `compile`: the built-in catalog compiled into an analyser.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use clausemap::document::{self, markdown, sentence, Format};
use clausemap::ingest::{self, Limits};
use clausemap::matcher::Matcher;
use clausemap::report::{render, OutputFormat};
use clausemap::scan::Scanner;
use clausemap::Analyzer;

mod inputs;
use inputs::Input;

/// Large enough for agreements built from corpus text (and 10 MB lines).
fn limits() -> Limits {
    Limits {
        max_input_bytes: 1 << 30,
    }
}

fn analyzer() -> Analyzer {
    Analyzer::builtin()
        .expect("built-in catalog compiles")
        .with_limits(limits())
}

/// Decoded text of an input, as the analyser sees it.
fn text_of(input: &Input) -> String {
    ingest::decode(&input.name, &input.bytes, &limits())
        .expect("bench inputs decode")
        .as_str()
        .to_string()
}

/// Every stage on every input.
fn stages(c: &mut Criterion, inputs: &[Input]) {
    let analyzer = analyzer();
    let matcher = Matcher::new(analyzer.catalog()).expect("catalog compiles");
    for input in inputs {
        let id = BenchmarkId::from_parameter(&input.name);
        let bytes = Throughput::Bytes(input.bytes.len() as u64);
        let text = text_of(input);
        let blocks = document::parse(&text, input.format).blocks;

        let mut group = c.benchmark_group("ingest");
        group.throughput(bytes.clone());
        group.bench_with_input(id.clone(), input, |b, input| {
            b.iter(|| ingest::decode(&input.name, &input.bytes, &limits()).map(|t| t.raw_len()))
        });
        group.finish();

        let mut group = c.benchmark_group("parse");
        group.throughput(bytes.clone());
        group.bench_with_input(id.clone(), &text, |b, text| {
            b.iter(|| {
                let mut n = 0usize;
                document::parse_streaming(text, input.format, |block| n += block.text.len());
                n
            })
        });
        group.finish();

        if input.format == Format::Markdown {
            let mut group = c.benchmark_group("pulldown");
            group.throughput(bytes.clone());
            group.bench_with_input(id.clone(), &text, |b, text| {
                b.iter(|| {
                    let mut n = 0usize;
                    for event in pulldown_cmark::Parser::new_ext(text, markdown::options())
                        .into_offset_iter()
                    {
                        black_box(event);
                        n += 1;
                    }
                    n
                })
            });
            group.finish();
        }

        let mut group = c.benchmark_group("segment");
        group.throughput(bytes.clone());
        group.bench_with_input(id.clone(), &blocks, |b, blocks| {
            b.iter(|| {
                blocks
                    .iter()
                    .map(|block| sentence::split(&block.text).len())
                    .sum::<usize>()
            })
        });
        group.finish();

        let mut group = c.benchmark_group("match");
        group.throughput(bytes.clone());
        group.bench_with_input(id.clone(), &blocks, |b, blocks| {
            let mut hits = Vec::new();
            b.iter(|| {
                let mut n = 0;
                for block in blocks {
                    hits.clear();
                    matcher.scan(&block.text, &mut hits);
                    n += hits.len();
                }
                n
            })
        });
        group.finish();

        let mut group = c.benchmark_group("scan");
        group.throughput(bytes.clone());
        group.bench_with_input(id.clone(), &text, |b, text| {
            b.iter(|| {
                let mut scanner = Scanner::new(&matcher, text);
                document::parse_streaming(text, input.format, |block| scanner.block(block));
                scanner.candidates.len()
            })
        });
        group.finish();

        analyze_group(c, &analyzer, "analyze", input);

        let report = analyzer
            .analyze_bytes(&input.name, &input.bytes, input.format)
            .expect("bench inputs analyse");
        let mut group = c.benchmark_group("render");
        group.throughput(bytes);
        group.bench_with_input(id, &report, |b, report| {
            b.iter(|| {
                [
                    OutputFormat::Json,
                    OutputFormat::Markdown,
                    OutputFormat::Text,
                ]
                .map(|f| render(report, f).len())
            })
        });
        group.finish();
    }
}

/// End to end: bytes in, report out.
fn analyze_group(c: &mut Criterion, analyzer: &Analyzer, group: &str, input: &Input) {
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Bytes(input.bytes.len() as u64));
    group.bench_with_input(
        BenchmarkId::from_parameter(&input.name),
        input,
        |b, input| {
            b.iter(|| {
                analyzer
                    .analyze_bytes(&input.name, &input.bytes, input.format)
                    .map(|r| r.findings.len())
            })
        },
    );
    group.finish();
}

fn corpus(c: &mut Criterion) {
    stages(c, &inputs::corpus());
}

/// 50 MiB agreements whose copies repeat exactly (Markdown and text).
fn built_repeated(c: &mut Criterion) {
    let inputs = [
        inputs::built(Format::Markdown, 50 << 20, false),
        inputs::built(Format::Text, 50 << 20, false),
    ];
    stages(c, &inputs);
}

/// Agreements with no repeated sentence, at 1 and 10 MiB: unique-text
/// throughput, and whether 10x the input takes about 10x the time.
fn built_varied(c: &mut Criterion) {
    let analyzer = analyzer();
    for format in [Format::Markdown, Format::Text] {
        for mib in [1, 10] {
            let input = inputs::built(format, mib << 20, true);
            analyze_group(c, &analyzer, "analyze", &input);
        }
    }
}

fn pathological(c: &mut Criterion) {
    let analyzer = analyzer();
    for input in inputs::pathological() {
        analyze_group(c, &analyzer, "pathological", &input);
    }
}

fn compile(c: &mut Criterion) {
    c.bench_function("compile/builtin", |b| {
        b.iter(|| Analyzer::builtin().map(|a| a.catalog().requirements.len()))
    });
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = compile, corpus, pathological, built_varied, built_repeated
}
criterion_main!(benches);
