#!/usr/bin/env python3
"""Mechanical checks of the corpus gold labels (clausemap.gold.v1).

usage: python3 corpus/check_gold.py [--table]

Checks that every NAME.gold.json names an existing document, has all 13
requirement ids in catalog order with a valid status, that `missing` has no
evidence and every other status has some, that each evidence fragment is 5-30
words, contains no markup, and occurs inside one paragraph of the document
after normalisation (white space collapsed; `*`, `_`, backticks and soft
hyphens removed). Prints fragments whose punctuation might look like a
sentence end (abbreviations such as "U.S." or "e.g." are intended), the
requirement x status counts, and exits 1 on any error.
"""
import json, glob, os, re, sys
D=os.path.dirname(os.path.abspath(__file__))
IDS=['a','b','c','d','e','f','g','h','i','j','notice-a','notice-b','notice-c']
ST=['covered','partial','disclaimed','missing']
def norm(s):
    s=re.sub(r'[*_`\u00ad]','',s)
    return re.sub(r'\s+',' ',s).strip()
errs=[]; cov={(i,s):[] for i in IDS for s in ST}
for gf in sorted(glob.glob(D+'/*.gold.json')):
    g=json.load(open(gf))
    name=os.path.basename(gf)
    if g.get('schema')!='clausemap.gold.v1': errs.append((name,'schema'))
    docp=os.path.join(D,g['document'])
    if not os.path.exists(docp): errs.append((name,'no doc')); continue
    if g['document'].rsplit('.',1)[0]+'.gold.json'!=name: errs.append((name,'name mismatch'))
    raw=open(docp,encoding='utf-8').read()
    paras=[norm(p) for p in re.split(r'\n\s*\n',raw)]
    if list(g['labels'])!=IDS: errs.append((name,'ids',list(g['labels'])))
    for k,v in g['labels'].items():
        st=v['status']
        if st not in ST: errs.append((name,k,'status',st))
        ev=v['evidence']
        if st=='missing' and ev: errs.append((name,k,'missing with evidence'))
        if st!='missing' and not ev: errs.append((name,k,'no evidence'))
        cov[(k,st)].append(g['document'])
        for e in ev:
            n=len(e.split())
            if not 5<=n<=30: errs.append((name,k,'words',n,e))
            ne=norm(e)
            if not any(ne in p for p in paras): errs.append((name,k,'not found in one paragraph',e))
            if re.search(r'[<>|]',e): errs.append((name,k,'markup',e))
            m=re.search(r'[.!?;:]\s+\S',e)
            if m: print('CHECK sentence boundary?',name,k,'|',e)
for e in errs: print('ERR',e)
print()
w=max(len(i) for i in IDS)
for i in IDS:
    print(i.ljust(9),end='')
    for s in ST:
        print(f" {s[0].upper()}:{len(cov[(i,s)])}",end='')
    print()
bad=[(i,s) for (i,s),v in cov.items() if not v]
print('unexercised combos:',bad)
if '--table' in sys.argv:
    print('\n| req | covered | partial | disclaimed | missing |\n|---|---|---|---|---|')
    for i in IDS:
        print(f"| `{i}` | "+' | '.join(', '.join(x.rsplit('.',1)[0] for x in cov[(i,s)]) for s in ST)+' |')
print('errors:',len(errs))
if errs or bad: sys.exit(1)
